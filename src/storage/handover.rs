//! Handover encryption on disk: age key files and encrypted bundles.
//!
//! A bundle is an age file (x25519 recipients) whose plaintext is
//! `core::bundle`'s manifest and files. Key files are age's identity format
//! (`# created`, `# public key` comments and one `AGE-SECRET-KEY-1...` line),
//! so the `age` and `rage` tools can read them too.

use std::io::{self, Read};
use std::path::Path;

use age::secrecy::ExposeSecret;
use age::x25519::{Identity, Recipient};
use chrono::{DateTime, FixedOffset};

use super::{
    FileError, MAX_FILE_BYTES, atomic, io_problem, read_file, read_raw, write_new_private,
};
use crate::core::parse::{Problem, utf8};

/// Generates a key pair, writes the secret key to `path` (0600, never over
/// an existing file) and returns the public recipient to give to senders.
pub fn generate_key(path: &Path, now: DateTime<FixedOffset>) -> Result<Recipient, FileError> {
    let identity = Identity::generate();
    let recipient = identity.to_public();
    let text = format!(
        "# created: {}\n# public key: {recipient}\n{}\n",
        now.to_rfc3339(),
        identity.to_string().expose_secret()
    );
    write_new_private(path, text.as_bytes()).map_err(|e| {
        let problem = if e.kind() == io::ErrorKind::AlreadyExists {
            Problem::in_both(
                "det ligger allerede en fil der; Kompass skriver aldri over en nøkkelfil \
                 (bunter sendt til den nøkkelen kunne da ikke lenger åpnes)",
                "a file is already there; Kompass never overwrites a key file \
                 (bundles sent to that key could no longer be opened)",
            )
        } else {
            io_problem(&e)
        };
        FileError::new(path, problem)
    })?;
    Ok(recipient)
}

/// Reads the secret keys of a key file. A message names the line, never
/// its content: that would put a secret key on the screen.
pub fn read_identities(path: &Path) -> Result<Vec<Identity>, FileError> {
    let bytes = read_file(path)?;
    let text = utf8(&bytes).map_err(|p| FileError::new(path, p))?;
    let mut identities = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let identity = line.parse::<Identity>().map_err(|_| {
            FileError::new(
                path,
                Problem {
                    line: Some(i + 1),
                    ..Problem::in_both(
                        "ikke en hemmelig age-nøkkel (en linje som begynner med AGE-SECRET-KEY-1); \
                         oppgi filen `kompass keygen` skrev",
                        "not an age secret key (a line starting with AGE-SECRET-KEY-1); \
                         give the file `kompass keygen` wrote",
                    )
                },
            )
        })?;
        identities.push(identity);
    }
    if identities.is_empty() {
        return Err(FileError::new(
            path,
            Problem::in_both(
                "inneholder ingen hemmelig nøkkel; oppgi filen `kompass keygen` skrev",
                "holds no secret key; give the file `kompass keygen` wrote",
            ),
        ));
    }
    Ok(identities)
}

/// Encrypts `plain` to the recipients and writes it to `path` atomically (0600).
pub fn write_bundle(path: &Path, recipients: &[Recipient], plain: &[u8]) -> Result<(), FileError> {
    use std::io::Write;
    let fail = |e: &dyn std::fmt::Display| {
        FileError::new(
            path,
            Problem::in_both(
                format!("kan ikke kryptere: {e}"),
                format!("cannot encrypt: {e}"),
            ),
        )
    };
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|e| fail(&e))?;
    let mut cipher = Vec::with_capacity(plain.len() + 512);
    let mut writer = encryptor.wrap_output(&mut cipher).map_err(|e| fail(&e))?;
    writer.write_all(plain).map_err(|e| fail(&e))?;
    writer.finish().map_err(|e| fail(&e))?;
    // Already encrypted, to its readers: never again to a protected directory's key.
    atomic::write_atomic(path, &cipher).map_err(|e| FileError::new(path, io_problem(&e)))
}

/// Reads and decrypts a bundle; every failure says in plain words whether
/// the file is no bundle, meant for another key, or damaged.
pub fn read_bundle(path: &Path, identities: &[Identity]) -> Result<Vec<u8>, FileError> {
    let cipher = read_raw(path)?;
    let problem = |p: Problem| FileError::new(path, p);
    let decryptor = age::Decryptor::new_buffered(&cipher[..]).map_err(|e| {
        // A header that starts like age's but does not parse was altered.
        let age_file = cipher.starts_with(b"age-encryption.org/");
        problem(match e {
            age::DecryptError::UnknownFormat | age::DecryptError::InvalidHeader if !age_file => {
                Problem::in_both(
                    "ikke en kryptert Kompass-bunt (ingen age-topp)",
                    "not an encrypted Kompass bundle (no age header)",
                )
            }
            other => damaged(&other),
        })
    })?;
    if decryptor.is_scrypt() {
        return Err(problem(Problem::in_both(
            "kryptert med et passord; Kompass-bunter krypteres til en nøkkel (kompass export --to)",
            "encrypted with a passphrase; Kompass bundles are encrypted to a key (kompass export --to)",
        )));
    }
    let mut reader = decryptor
        .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
        .map_err(|e| {
            problem(match e {
                age::DecryptError::NoMatchingKeys => {
                    let keys: Vec<String> =
                        identities.iter().map(|i| i.to_public().to_string()).collect();
                    let keys = keys.join(", ");
                    // age cannot tell a stanza for another key from a damaged one.
                    Problem::in_both(
                        format!(
                            "denne bunten kan ikke åpnes med nøkkelen din ({keys}): den ble kryptert til en annen nøkkel, \
                             eller skadet underveis; be avsenderen eksportere den på nytt med --to din offentlige nøkkel"
                        ),
                        format!(
                            "this bundle cannot be opened with your key ({keys}): it was encrypted to another key, \
                             or damaged on the way; ask the sender to export it again with --to your public key"
                        ),
                    )
                }
                other => damaged(&other),
            })
        })?;
    let mut plain = Vec::new();
    // The plaintext is at most as long as the ciphertext, which is limited.
    reader
        .by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut plain)
        .map_err(|e| {
            problem(Problem::in_both(
                format!(
                    "det krypterte innholdet er skadet eller endret ({e}); ingenting er importert"
                ),
                format!(
                    "the encrypted contents are damaged or were altered ({e}); nothing was imported"
                ),
            ))
        })?;
    Ok(plain)
}

fn damaged(e: &age::DecryptError) -> Problem {
    Problem::in_both(
        format!("bunten er skadet eller endret ({e}); ingenting er importert"),
        format!("the bundle is damaged or was altered ({e}); nothing was imported"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T12:00:00+01:00").unwrap()
    }

    #[test]
    fn a_bundle_opens_with_its_key_only() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("key.txt");
        let recipient = generate_key(&key, now()).unwrap();
        let text = std::fs::read_to_string(&key).unwrap();
        assert!(text.contains(&format!("# public key: {recipient}")));
        let bundle = dir.path().join("b.age");
        write_bundle(&bundle, &[recipient], b"plain words").unwrap();
        let ids = read_identities(&key).unwrap();
        assert_eq!(read_bundle(&bundle, &ids).unwrap(), b"plain words");

        let other = dir.path().join("other.txt");
        generate_key(&other, now()).unwrap();
        let e = read_bundle(&bundle, &read_identities(&other).unwrap()).unwrap_err();
        assert!(
            e.to_string().contains("cannot be opened with your key"),
            "{e}"
        );
    }

    #[test]
    fn a_key_file_is_never_overwritten_and_bad_lines_are_named_not_shown() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("key.txt");
        generate_key(&key, now()).unwrap();
        let before = std::fs::read(&key).unwrap();
        let e = generate_key(&key, now()).unwrap_err();
        assert!(e.to_string().contains("never overwrites a key file"), "{e}");
        assert_eq!(std::fs::read(&key).unwrap(), before);

        std::fs::write(&key, "# comment\nAGE-SECRET-KEY-1NOTREALLY\n").unwrap();
        let Err(e) = read_identities(&key) else {
            panic!("a made-up key was accepted")
        };
        assert_eq!(e.problems[0].line, Some(2));
        assert!(!e.to_string().contains("NOTREALLY"), "{e}");
        std::fs::write(&key, "# only comments\n").unwrap();
        assert!(read_identities(&key).is_err());
    }
}
