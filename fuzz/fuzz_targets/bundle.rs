//! The plaintext of a handover bundle (`kompass import`): anyone with the
//! reviewer's public key can make one, so its manifest and sizes are input
//! like any file: unpack, then read every session in it as import does.
#![no_main]

use kompass::core::bundle;
use kompass::core::session::Session;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(entries) = bundle::unpack(data) else {
        return;
    };
    let total: usize = entries.iter().map(|e| e.bytes.len()).sum();
    assert!(total <= data.len(), "more bytes out than in");
    for e in &entries {
        kompass_fuzz::show(&e.path);
        if let Ok(session) = Session::parse(&e.bytes) {
            let _ = session.check(kompass_fuzz::builtin());
        }
    }
});
