//! Protected data directories: every file written in one is encrypted (age,
//! x25519) to the directory's key, whose secret half is kept in
//! [`PROTECTION_FILE`], itself encrypted with a passphrase (age, scrypt).
//!
//! This layer sits under the rest of storage: [`write_atomic`] and its
//! siblings encrypt when the file lies in a protected directory, and
//! [`super::read_file`] decrypts what is encrypted, so autosave, rescue,
//! review, merge, report and handover need not know. Saving needs only the
//! public key (in the protection file's first lines), so autosave never
//! waits for a passphrase; reading asks for it once per run.

use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519::{Identity, Recipient};

use super::{FileError, atomic, describe_io, read_raw};
use crate::core::lang::Lang;
use crate::core::parse::Problem;

/// The file that makes a directory (and everything under it) protected.
pub const PROTECTION_FILE: &str = "kompass-protection.age";

/// How every age file starts; a file starting otherwise is plaintext.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// How many times a passphrase typed at the terminal may be wrong.
pub const TRIES: u32 = 3;

/// The shortest passphrase accepted for a new protection.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Whether bytes are an age file (encrypted), as opposed to plaintext.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// Where a passphrase comes from.
#[derive(Debug, Clone, Default)]
pub enum PassphraseSource {
    /// Asked at the terminal (no echo), [`TRIES`] times at most.
    #[default]
    Terminal,
    /// The first line of a file (`--passphrase-file`, `KOMPASS_PASSPHRASE_FILE`):
    /// for scripts and tests; one try.
    File(PathBuf),
}

/// What this run knows about protected directories.
struct State {
    /// Protection files opened this run, with their secret keys.
    unlocked: Vec<(PathBuf, Identity)>,
    /// Protection files whose passphrase was wrong: not asked again this run.
    refused: Vec<PathBuf>,
    source: PassphraseSource,
    lang: Lang,
    /// The data directory: its key also opens encrypted files found outside
    /// any protected directory (rescue copies in the temporary directory).
    home: Option<PathBuf>,
}

static STATE: Mutex<State> = Mutex::new(State {
    unlocked: Vec::new(),
    refused: Vec::new(),
    source: PassphraseSource::Terminal,
    lang: Lang::Nb,
    home: None,
});

fn state() -> MutexGuard<'static, State> {
    // A panic while the lock was held leaves nothing half-done in State.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Sets, once at the start of a run, where passphrases come from, the
/// language of prompts and messages, and the data directory.
pub fn configure(source: PassphraseSource, lang: Lang, home: &Path) {
    let mut s = state();
    s.source = source;
    s.lang = lang;
    s.home = Some(home.to_owned());
}

/// `path` made absolute and without `.`/`..`, so that two spellings of one
/// protection file are one key in [`State`].
pub fn normalized(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `<dir>/kompass-protection.age`.
pub fn protection_path(dir: &Path) -> PathBuf {
    normalized(dir).join(PROTECTION_FILE)
}

/// Whether `dir` itself is protected (not merely inside a protected directory).
pub fn is_protected(dir: &Path) -> bool {
    protection_path(dir).is_file()
}

/// The protection file that covers `path`: the nearest one in the
/// directories above it.
pub fn covering(path: &Path) -> Option<PathBuf> {
    let path = normalized(path);
    path.ancestors()
        .skip(1)
        .map(|dir| dir.join(PROTECTION_FILE))
        .find(|p| p.is_file())
}

/// A protection file: the public key in the clear, the secret key
/// encrypted with the passphrase (an armored age file).
struct Protection {
    recipient: Recipient,
    armored: String,
}

const PUBLIC_KEY_LABEL: &str = "public key: ";

impl Protection {
    fn read(path: &Path) -> Result<Protection, FileError> {
        let bytes = read_raw(path)?;
        let damaged = |(nb, en): (&str, &str)| {
            FileError::new(
                path,
                Problem::in_both(
                    format!(
                        "{nb}; denne beskyttelsesfilen er skadet, så ingenting leses eller skrives \
                         (hent den tilbake fra en sikkerhetskopi)"
                    ),
                    format!(
                        "{en}; this protection file is damaged, so nothing is read or written \
                         (restore it from a backup)"
                    ),
                ),
            )
        };
        let text = std::str::from_utf8(&bytes).map_err(|_| damaged(("ikke tekst", "not text")))?;
        let recipient = text
            .lines()
            .find_map(|l| l.strip_prefix(PUBLIC_KEY_LABEL))
            .ok_or_else(|| damaged(("ingen linje «public key:»", "no \"public key:\" line")))?
            .trim()
            .parse::<Recipient>()
            .map_err(|_| {
                damaged((
                    "den offentlige nøkkelen er ikke en offentlig age-nøkkel",
                    "the public key is not an age public key",
                ))
            })?;
        let start = text
            .find("-----BEGIN AGE ENCRYPTED FILE-----")
            .ok_or_else(|| {
                damaged(("ingen kryptert hemmelig nøkkel", "no encrypted secret key"))
            })?;
        Ok(Protection {
            recipient,
            armored: text[start..].to_owned(),
        })
    }

    /// Encrypts `identity` with `passphrase` at scrypt work factor `log_n`.
    fn seal(identity: &Identity, passphrase: &SecretString) -> io::Result<Protection> {
        let mut scrypt = age::scrypt::Recipient::new(passphrase.clone());
        if let Some(log_n) = test_work_factor() {
            scrypt.set_work_factor(log_n);
        }
        let encryptor = age::Encryptor::with_recipients(std::iter::once(&scrypt as _))
            .map_err(io::Error::other)?;
        let armor =
            age::armor::ArmoredWriter::wrap_output(Vec::new(), age::armor::Format::AsciiArmor)?;
        let mut writer = encryptor.wrap_output(armor)?;
        writer.write_all(identity.to_string().expose_secret().as_bytes())?;
        let armored = writer.finish()?.finish()?;
        Ok(Protection {
            recipient: identity.to_public(),
            armored: String::from_utf8(armored).map_err(io::Error::other)?,
        })
    }

    fn text(&self) -> String {
        format!(
            "# Kompass: this directory is protected. Every file in it is encrypted to the\n\
             # public key below; its secret key follows, encrypted with a passphrase.\n\
             # Keep this file and the passphrase: without both nothing here can be read.\n\
             {PUBLIC_KEY_LABEL}{}\n{}",
            self.recipient, self.armored
        )
    }

    /// The secret key, if the passphrase is right.
    fn open(&self, passphrase: &SecretString) -> Result<Identity, Opening> {
        let mut scrypt = age::scrypt::Identity::new(passphrase.clone());
        // A file made on a faster machine may ask for more work than this
        // one would choose; it is the user's own file, so allow it.
        scrypt.set_max_work_factor(30);
        let armor = age::armor::ArmoredReader::new(self.armored.as_bytes());
        let decryptor = age::Decryptor::new(armor).map_err(|e| Opening::Damaged(e.to_string()))?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&scrypt as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::DecryptionFailed
                | age::DecryptError::KeyDecryptionFailed
                | age::DecryptError::NoMatchingKeys => Opening::Wrong,
                other => Opening::Damaged(other.to_string()),
            })?;
        let mut secret = String::new();
        reader
            .read_to_string(&mut secret)
            .map_err(|e| Opening::Damaged(e.to_string()))?;
        let identity = secret
            .trim()
            .parse::<Identity>()
            .map_err(|_| Opening::Damaged("no secret key inside".into()))?;
        if identity.to_public() != self.recipient {
            return Err(Opening::Damaged(
                "its public key is not the secret key's: the file was altered".into(),
            ));
        }
        Ok(identity)
    }
}

enum Opening {
    Wrong,
    Damaged(String),
}

/// Debug builds only: `KOMPASS_SCRYPT_LOG_N` sets the passphrase's work
/// factor, so that tests do not spend a second per run deriving the key
/// (unoptimized scrypt is much slower still). Release builds calibrate to
/// about one second on the machine, as age does.
fn test_work_factor() -> Option<u8> {
    if cfg!(test) {
        return Some(4);
    }
    #[cfg(debug_assertions)]
    {
        std::env::var("KOMPASS_SCRYPT_LOG_N")
            .ok()
            .and_then(|v| v.parse().ok())
    }
    #[cfg(not(debug_assertions))]
    None
}

fn passphrase_file(path: &Path, lang: Lang) -> Result<SecretString, FileError> {
    let bytes = read_raw(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        FileError::new(
            path,
            Problem::new(lang.pick(
                "passordfilen er ikke tekst",
                "the passphrase file is not text",
            )),
        )
    })?;
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        return Err(FileError::new(
            path,
            Problem::new(lang.pick(
                "passordfilen er tom (passordet står på første linje)",
                "the passphrase file is empty (the passphrase is its first line)",
            )),
        ));
    }
    Ok(SecretString::from(line.to_owned()))
}

/// Asks at the terminal without echo.
fn ask(prompt: &str, lang: Lang, about: &Path) -> Result<SecretString, FileError> {
    rpassword::prompt_password(prompt)
        .map(SecretString::from)
        .map_err(|e| {
            FileError::new(
                about,
                Problem::new(format!(
                    "{} ({})",
                    lang.pick(
                        "katalogen er beskyttet, og passordet kan ikke spørres om uten en terminal; \
                         gi det med --passphrase-file FIL eller KOMPASS_PASSPHRASE_FILE",
                        "the directory is protected and the passphrase cannot be asked without a \
                         terminal; give it with --passphrase-file FILE or KOMPASS_PASSPHRASE_FILE"
                    ),
                    describe_io(&e)
                )),
            )
        })
}

/// The secret key of the protection file at `file`, asking for the
/// passphrase if this run has not opened it yet. A wrong passphrase is
/// refused for the rest of the run, and nothing is changed.
fn unlock_file(file: &Path) -> Result<Identity, FileError> {
    let file = normalized(file);
    let mut s = state();
    if let Some((_, identity)) = s.unlocked.iter().find(|(f, _)| *f == file) {
        return Ok(identity.clone());
    }
    let lang = s.lang;
    let wrong = |tries: u32| {
        FileError::new(
            &file,
            Problem::new(match (tries, lang) {
                (1, Lang::Nb) => "feil passord; ingenting er lest eller endret".to_owned(),
                (1, Lang::En) => "wrong passphrase; nothing was read or changed".to_owned(),
                (n, Lang::Nb) => format!("feil passord {n} ganger; ingenting er lest eller endret"),
                (n, Lang::En) => {
                    format!("wrong passphrase {n} times; nothing was read or changed")
                }
            }),
        )
    };
    if s.refused.contains(&file) {
        return Err(wrong(1));
    }
    let protection = Protection::read(&file)?;
    let source = s.source.clone();
    let tries = match source {
        PassphraseSource::Terminal => TRIES,
        PassphraseSource::File(_) => 1,
    };
    let dir = file.parent().unwrap_or(Path::new("."));
    for attempt in 1..=tries {
        let passphrase = match &source {
            PassphraseSource::File(p) => passphrase_file(p, lang)?,
            PassphraseSource::Terminal => ask(
                &format!(
                    "{} {}: ",
                    lang.pick("Passord for", "Passphrase for"),
                    crate::core::text::one_line(&dir.display().to_string())
                ),
                lang,
                &file,
            )?,
        };
        match protection.open(&passphrase) {
            Ok(identity) => {
                s.unlocked.push((file.clone(), identity.clone()));
                return Ok(identity);
            }
            Err(Opening::Wrong) if attempt < tries => eprintln!(
                "{} ({attempt}/{tries})",
                lang.pick("Feil passord, prøv igjen", "Wrong passphrase, try again")
            ),
            Err(Opening::Wrong) => {}
            Err(Opening::Damaged(why)) => {
                return Err(FileError::new(
                    &file,
                    Problem::new(format!(
                        "{}: {why}",
                        lang.pick(
                            "beskyttelsesfilen er skadet",
                            "the protection file is damaged"
                        )
                    )),
                ));
            }
        }
    }
    s.refused.push(file.clone());
    Err(wrong(tries))
}

/// Opens the protection of `dir` now, if it is protected: the start of a
/// screen asks for the passphrase before the screen takes the terminal.
pub fn unlock_dir(dir: &Path) -> Result<(), FileError> {
    let file = protection_path(dir);
    match covering(&file) {
        _ if file.is_file() => unlock_file(&file).map(drop),
        Some(above) => unlock_file(&above).map(drop),
        None => Ok(()),
    }
}

/// [`unlock_dir`] for the protection covering a file or directory given on
/// the command line, if any.
pub fn unlock_covering(path: &Path) -> Result<(), FileError> {
    match covering(&path.join(PROTECTION_FILE)) {
        Some(file) => unlock_file(&file).map(drop),
        None => Ok(()),
    }
}

/// The public key that a file written at `path` must be encrypted to.
fn recipient_for(path: &Path) -> io::Result<Option<Recipient>> {
    let Some(file) = covering(path) else {
        return Ok(None);
    };
    let opened = state()
        .unlocked
        .iter()
        .find(|(f, _)| *f == file)
        .map(|(_, identity)| identity.to_public());
    if let Some(recipient) = opened {
        return Ok(Some(recipient));
    }
    // Never write plaintext into a protected directory whose key is unreadable.
    Protection::read(&file)
        .map(|p| Some(p.recipient))
        .map_err(|e| io::Error::other(e.to_string()))
}

fn encryptor(recipient: &Recipient) -> io::Result<age::Encryptor> {
    age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
        .map_err(io::Error::other)
}

fn encrypt(recipient: &Recipient, plain: &[u8]) -> io::Result<Vec<u8>> {
    let mut cipher = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor(recipient)?.wrap_output(&mut cipher)?;
    writer.write_all(plain)?;
    writer.finish()?;
    Ok(cipher)
}

fn decrypt(cipher: &[u8], identities: &[Identity]) -> Result<Vec<u8>, age::DecryptError> {
    let decryptor = age::Decryptor::new_buffered(cipher)?;
    let mut reader = decryptor.decrypt(identities.iter().map(|i| i as &dyn age::Identity))?;
    let mut plain = Vec::with_capacity(cipher.len());
    reader.read_to_end(&mut plain)?;
    Ok(plain)
}

/// [`atomic::write_atomic`], encrypted when `path` lies in a protected directory.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match recipient_for(path)? {
        None => atomic::write_atomic(path, bytes),
        Some(r) => atomic::write_atomic(path, &encrypt(&r, bytes)?),
    }
}

/// [`atomic::write_atomic_with`], encrypted (as it is written) when `path`
/// lies in a protected directory.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match recipient_for(path)? {
        None => atomic::write_atomic_with(path, |file| write(file)),
        Some(r) => atomic::write_atomic_with(path, |file| {
            let mut encrypted = encryptor(&r)?.wrap_output(file)?;
            write(&mut encrypted)?;
            encrypted.finish().map(drop)
        }),
    }
}

/// [`atomic::write_new_private`], encrypted when `path` lies in a protected directory.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match recipient_for(path)? {
        None => atomic::write_new_private(path, bytes),
        Some(r) => atomic::write_new_private(path, &encrypt(&r, bytes)?),
    }
}

/// Replaces a file without keeping the old one as `.bak` (encrypted like
/// [`write_atomic`]): for removing what the old one holds (`kompass purge`,
/// `kompass person --erase`).
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let cipher;
    let bytes = match recipient_for(path)? {
        None => bytes,
        Some(r) => {
            cipher = encrypt(&r, bytes)?;
            &cipher
        }
    };
    atomic::replace_atomic_with(path, |file| file.write_all(bytes))
}

/// A copy of a file kept somewhere else (a rescue copy in the temporary
/// directory), encrypted like the original at `of` would be.
pub fn write_copy(of: &Path, to: &Path, bytes: &[u8]) -> io::Result<()> {
    match recipient_for(of)? {
        None => atomic::write_atomic(to, bytes),
        Some(r) => atomic::write_atomic(to, &encrypt(&r, bytes)?),
    }
}

/// A copy kept outside the data directory (a rescue copy in the temporary
/// directory), encrypted to the data directory's key when it is protected.
pub fn write_home_copy(to: &Path, bytes: &[u8]) -> io::Result<()> {
    let home = state().home.clone();
    match home {
        Some(home) => write_copy(&home.join(PROTECTION_FILE), to, bytes),
        None => atomic::write_atomic(to, bytes),
    }
}

/// Decrypts the bytes of the encrypted file at `path` with the key of the
/// protected directory it lies in; outside any, with the keys opened this
/// run and the data directory's.
pub(super) fn decrypt_file(path: &Path, cipher: &[u8]) -> Result<Vec<u8>, FileError> {
    let identities = match covering(path) {
        Some(file) => vec![unlock_file(&file)?],
        None => {
            let home = state().home.clone();
            if let Some(home) = home.filter(|h| is_protected(h)) {
                unlock_file(&protection_path(&home))?;
            }
            state().unlocked.iter().map(|(_, i)| i.clone()).collect()
        }
    };
    let lang = state().lang;
    decrypt(cipher, &identities).map_err(|e| {
        FileError::new(
            path,
            Problem::new(match e {
                age::DecryptError::NoMatchingKeys => lang
                    .pick(
                        "filen er kryptert, men ikke til nøkkelen til en beskyttet datakatalog \
                         som er åpnet (en bunt åpnes med kompass import)",
                        "the file is encrypted, but not to the key of a protected data directory \
                         that is open (a bundle is opened with kompass import)",
                    )
                    .to_owned(),
                other => format!(
                    "{} ({other})",
                    lang.pick(
                        "den krypterte filen er skadet eller endret",
                        "the encrypted file is damaged or was altered"
                    )
                ),
            }),
        )
    })
}

/// What a conversion (protect or unprotect) did.
#[derive(Debug, Default)]
pub struct Conversion {
    /// Files turned into the other form.
    pub converted: Vec<PathBuf>,
    /// Files left as they were, each with the reason.
    pub left: Vec<(PathBuf, String)>,
}

/// The files a conversion handles: every regular file under `dir`, except
/// the protection file, locks and open-markers (which hold only a process
/// id, a host name and a time). Symbolic links are not followed.
fn data_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                walk(&path, out)?;
            } else if kind.is_file() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name != PROTECTION_FILE && !name.ends_with(".lock") && !name.ends_with(".open") {
                    out.push(path);
                }
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// Every file under a protected `dir` that is not encrypted, as `validate`
/// reports them.
pub fn unencrypted_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in data_files(dir)? {
        let mut start = [0u8; AGE_MAGIC.len()];
        let mut file = fs::File::open(&path)?;
        let n = read_up_to(&mut file, &mut start)?;
        if !is_encrypted(&start[..n]) {
            out.push(path);
        }
    }
    Ok(out)
}

fn read_up_to(file: &mut fs::File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The session lock guarding a file, if the file belongs to a session that
/// has one: `<id>.json`, its `.bak`s and migration backups share
/// `<id>.json.lock`. Holding it keeps an editor from saving mid-conversion.
fn lock_for(path: &Path) -> io::Result<Result<Option<super::SessionLock>, super::LockHolder>> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let Some(end) = name.find(".json") else {
        return Ok(Ok(None));
    };
    let owner = path.with_file_name(&name[..end + ".json".len()]);
    if !super::lock::lock_path(&owner).exists() {
        return Ok(Ok(None));
    }
    super::SessionLock::acquire(&owner).map(|r| r.map(Some))
}

/// Turns every file of `dir` that `convert` accepts into its other form,
/// each atomically and each verified by `check` (reading back what was
/// written) before the old form is replaced.
fn convert_all(
    dir: &Path,
    lang: Lang,
    convert: impl Fn(&[u8]) -> Result<Option<Vec<u8>>, String>,
    check: impl Fn(&[u8], &[u8]) -> bool,
) -> Result<Conversion, FileError> {
    let mut done = Conversion::default();
    let files = data_files(dir).map_err(|e| FileError::io(dir, &e))?;
    for path in files {
        let lock = match lock_for(&path) {
            Ok(Ok(lock)) => lock,
            Ok(Err(holder)) => {
                done.left.push((
                    path,
                    format!(
                        "{} {}",
                        lang.pick("åpen i", "open in"),
                        holder.describe(lang)
                    ),
                ));
                continue;
            }
            Err(e) => {
                done.left.push((path, describe_io(&e)));
                continue;
            }
        };
        let before = match read_raw(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                done.left.push((path, e.problems[0].message.clone()));
                continue;
            }
        };
        let after = match convert(&before) {
            Ok(Some(after)) => after,
            Ok(None) => continue,
            Err(why) => {
                done.left.push((path, why));
                continue;
            }
        };
        let written = atomic::replace_atomic_with(&path, |file| {
            file.write_all(&after)?;
            crate::platform::sync_file(file)?;
            file.rewind()?;
            let mut back = Vec::with_capacity(after.len());
            file.read_to_end(&mut back)?;
            if check(&back, &before) {
                Ok(())
            } else {
                Err(io::Error::other(lang.pick(
                    "det som ble skrevet, kunne ikke leses tilbake likt; filen er urørt",
                    "what was written did not read back the same; the file is untouched",
                )))
            }
        });
        drop(lock);
        match written {
            Ok(()) => done.converted.push(path),
            Err(e) => done.left.push((path, describe_io(&e))),
        }
    }
    Ok(done)
}

fn new_protection_error(dir: &Path, e: &io::Error, lang: Lang) -> FileError {
    FileError::new(
        &protection_path(dir),
        Problem::new(match e.kind() {
            io::ErrorKind::AlreadyExists => lang
                .pick(
                    "katalogen er allerede beskyttet",
                    "the directory is already protected",
                )
                .to_owned(),
            _ => describe_io(e),
        }),
    )
}

/// Protects `dir`: makes its key, keeps the secret key encrypted with
/// `passphrase`, then encrypts every file already there (see [`encrypt_existing`]).
pub fn protect(dir: &Path, passphrase: &SecretString) -> Result<Conversion, FileError> {
    let lang = state().lang;
    let identity = Identity::generate();
    let protection =
        Protection::seal(&identity, passphrase).map_err(|e| new_protection_error(dir, &e, lang))?;
    let file = protection_path(dir);
    // The protection file comes first: from then on every save in `dir`
    // is encrypted, while the files already there are converted.
    atomic::write_new_private(&file, protection.text().as_bytes())
        .map_err(|e| new_protection_error(dir, &e, lang))?;
    state().unlocked.push((normalized(&file), identity));
    encrypt_existing(dir)
}

/// Encrypts every plaintext file under the protected `dir` (after a
/// protection that was interrupted, or files copied in), each atomically and
/// verified by decrypting it before the plaintext is replaced.
pub fn encrypt_existing(dir: &Path) -> Result<Conversion, FileError> {
    let identity = unlock_file(&protection_path(dir))?;
    let recipient = identity.to_public();
    let lang = state().lang;
    let keys = [identity];
    convert_all(
        dir,
        lang,
        |plain| {
            if is_encrypted(plain) {
                Ok(None)
            } else {
                encrypt(&recipient, plain)
                    .map(Some)
                    .map_err(|e| describe_io(&e))
            }
        },
        |written, plain| decrypt(written, &keys).is_ok_and(|back| back == plain),
    )
}

/// Reverses [`protect`]: decrypts every file encrypted to the directory's
/// key, each atomically and verified, then removes the protection file.
/// Files encrypted to other keys (handover bundles) stay as they are. If any
/// file could not be decrypted, the protection stays.
pub fn unprotect(dir: &Path) -> Result<Conversion, FileError> {
    let file = protection_path(dir);
    let identity = unlock_file(&file)?;
    let lang = state().lang;
    let keys = [identity];
    let done = convert_all(
        dir,
        lang,
        |bytes| {
            if !is_encrypted(bytes) {
                return Ok(None);
            }
            match decrypt(bytes, &keys) {
                Ok(plain) => Ok(Some(plain)),
                // A bundle or another file encrypted to someone else's key.
                Err(age::DecryptError::NoMatchingKeys) => Ok(None),
                Err(e) => Err(format!(
                    "{} ({e})",
                    lang.pick("skadet eller endret", "damaged or altered")
                )),
            }
        },
        |written, _| !is_encrypted(written),
    )?;
    if done.left.is_empty() {
        fs::remove_file(&file)
            .and_then(|()| crate::platform::sync_dir(file.parent().unwrap_or(dir)))
            .map_err(|e| FileError::io(&file, &e))?;
        let key = normalized(&file);
        state().unlocked.retain(|(f, _)| *f != key);
    }
    Ok(done)
}

/// Gives the protection of `dir` a new passphrase: the secret key is
/// encrypted again and nothing else changes, so no data file is rewritten.
pub fn change_passphrase(dir: &Path, new: &SecretString) -> Result<(), FileError> {
    let file = protection_path(dir);
    let identity = unlock_file(&file)?;
    let sealed = Protection::seal(&identity, new).map_err(|e| FileError::io(&file, &e))?;
    // Checked before the old one is replaced: a key nobody can open is lost data.
    let opened = sealed
        .open(new)
        .is_ok_and(|back| back.to_public() == identity.to_public());
    if !opened {
        return Err(FileError::new(
            &file,
            Problem::in_both(
                "den nylig krypterte nøkkelen kunne ikke åpnes; ingenting er endret",
                "the newly encrypted key did not open; nothing was changed",
            ),
        ));
    }
    // No .bak: the old passphrase must stop working.
    atomic::replace_atomic_with(&file, |f| f.write_all(sealed.text().as_bytes()))
        .map_err(|e| FileError::io(&file, &e))
}

/// Checks a new passphrase: long enough.
pub fn check_new_passphrase(passphrase: &SecretString, lang: Lang) -> Result<(), String> {
    if passphrase.expose_secret().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(format!(
            "{} {MIN_PASSPHRASE_CHARS} {}",
            lang.pick("passordet må ha minst", "the passphrase needs at least"),
            lang.pick("tegn", "characters")
        ));
    }
    Ok(())
}

/// A new passphrase: from the passphrase file, else asked twice at the
/// terminal (no echo) until both agree, [`TRIES`] times at most.
pub fn new_passphrase(
    file: Option<&Path>,
    dir: &Path,
    lang: Lang,
) -> Result<SecretString, FileError> {
    let problem = |m: String| FileError::new(dir, Problem::new(m));
    if let Some(file) = file {
        let passphrase = passphrase_file(file, lang)?;
        check_new_passphrase(&passphrase, lang)
            .map_err(|m| FileError::new(file, Problem::new(m)))?;
        return Ok(passphrase);
    }
    for _ in 0..TRIES {
        let first = ask(lang.pick("Nytt passord: ", "New passphrase: "), lang, dir)?;
        if let Err(m) = check_new_passphrase(&first, lang) {
            eprintln!("{m}");
            continue;
        }
        let again = ask(
            lang.pick("Gjenta passordet: ", "Repeat the passphrase: "),
            lang,
            dir,
        )?;
        if first.expose_secret() == again.expose_secret() {
            return Ok(first);
        }
        eprintln!(
            "{}",
            lang.pick("Passordene er ulike.", "The passphrases differ.")
        );
    }
    Err(problem(
        lang.pick(
            "ikke noe nytt passord; ingenting er endret",
            "no new passphrase; nothing was changed",
        )
        .to_owned(),
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Protects `dir` with `passphrase` (at the cheapest work factor: unit tests).
    pub(crate) fn protect_cheaply(dir: &Path, passphrase: &str) -> Conversion {
        protect(dir, &SecretString::from(passphrase.to_owned())).unwrap()
    }

    /// The passphrase source is one for the whole test process: tests that
    /// set it take turns.
    static SOURCE: Mutex<()> = Mutex::new(());

    fn forget(dir: &Path) {
        let key = protection_path(dir);
        let mut s = state();
        s.unlocked.retain(|(f, _)| *f != key);
        s.refused.retain(|f| *f != key);
    }

    fn use_passphrase_file(dir: &Path, passphrase: &str) {
        let file = dir.with_extension("pass");
        fs::write(&file, format!("{passphrase}\n")).unwrap();
        // Only this module's tests use the state's source, and all of them
        // go through here with their own directory.
        state().source = PassphraseSource::File(file);
    }

    #[test]
    fn files_in_a_protected_directory_are_encrypted_and_read_back() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let plain_before = dir.join("m/old.json");
        atomic::write_atomic(&plain_before, b"{\"notes\": \"before\"}").unwrap();
        atomic::write_atomic(&plain_before, b"{\"notes\": \"before 2\"}").unwrap();
        let done = protect_cheaply(&dir, "correct horse");
        assert_eq!(done.converted.len(), 2, "{done:?}");
        assert!(done.left.is_empty());
        for f in [&plain_before, &atomic::backup_path(&plain_before)] {
            assert!(is_encrypted(&fs::read(f).unwrap()), "{}", f.display());
        }
        assert_eq!(unencrypted_files(&dir).unwrap(), Vec::<PathBuf>::new());

        let new = dir.join("m/new.json");
        write_atomic(&new, b"secret words").unwrap();
        write_atomic_with(&new, |w| w.write_all(b"more secret words")).unwrap();
        for f in [&new, &atomic::backup_path(&new)] {
            let raw = fs::read(f).unwrap();
            assert!(is_encrypted(&raw));
            assert!(!String::from_utf8_lossy(&raw).contains("secret"));
        }
        assert_eq!(super::super::read_file(&new).unwrap(), b"more secret words");
        assert_eq!(
            super::super::read_file(&plain_before).unwrap(),
            b"{\"notes\": \"before 2\"}"
        );

        // A rescue copy elsewhere is encrypted like its original.
        let rescue = tmp.path().join("rescue.json");
        write_copy(&new, &rescue, b"rescued words").unwrap();
        assert!(is_encrypted(&fs::read(&rescue).unwrap()));

        // Unprotect: everything plaintext again, the protection file gone.
        let done = unprotect(&dir).unwrap();
        assert_eq!(done.converted.len(), 4, "{done:?}");
        assert!(!is_protected(&dir));
        assert_eq!(fs::read(&new).unwrap(), b"more secret words");
        assert_eq!(
            fs::read(atomic::backup_path(&new)).unwrap(),
            b"secret words"
        );
    }

    #[test]
    fn a_wrong_passphrase_opens_nothing_and_a_new_one_replaces_the_old() {
        let _turn = SOURCE.lock().unwrap_or_else(|e| e.into_inner());
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        protect_cheaply(&dir, "first passphrase");
        let file = dir.join("a.json");
        write_atomic(&file, b"words").unwrap();
        let key_file = fs::read(protection_path(&dir)).unwrap();
        forget(&dir);

        use_passphrase_file(&dir, "not the passphrase");
        let e = super::super::read_file(&file).unwrap_err();
        assert!(e.to_string().contains("feil passord"), "{e}");
        // Refused for the rest of the run, without asking again.
        let e = unlock_dir(&dir).unwrap_err();
        assert!(e.to_string().contains("feil passord"), "{e}");
        assert_eq!(fs::read(protection_path(&dir)).unwrap(), key_file);
        forget(&dir);

        use_passphrase_file(&dir, "first passphrase");
        assert_eq!(super::super::read_file(&file).unwrap(), b"words");
        let before = fs::read(&file).unwrap();
        change_passphrase(&dir, &SecretString::from("second passphrase".to_owned())).unwrap();
        assert_eq!(
            fs::read(&file).unwrap(),
            before,
            "only the key is re-encrypted"
        );
        forget(&dir);
        use_passphrase_file(&dir, "first passphrase");
        assert!(unlock_dir(&dir).is_err());
        forget(&dir);
        use_passphrase_file(&dir, "second passphrase");
        assert_eq!(super::super::read_file(&file).unwrap(), b"words");
        forget(&dir);
    }

    #[test]
    fn an_altered_protection_file_is_refused_for_writing_and_reading() {
        let _turn = SOURCE.lock().unwrap_or_else(|e| e.into_inner());
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        protect_cheaply(&dir, "correct horse");
        forget(&dir);
        let text = fs::read_to_string(protection_path(&dir)).unwrap();
        let other = Identity::generate().to_public();
        let swapped = text
            .lines()
            .map(|l| {
                if l.starts_with(PUBLIC_KEY_LABEL) {
                    format!("{PUBLIC_KEY_LABEL}{other}")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        fs::write(protection_path(&dir), swapped).unwrap();
        use_passphrase_file(&dir, "correct horse");
        let e = unlock_dir(&dir).unwrap_err();
        assert!(e.to_string().contains("altered"), "{e}");
        fs::write(protection_path(&dir), "# nothing\n").unwrap();
        let e = write_atomic(&dir.join("x.json"), b"words").unwrap_err();
        assert!(e.to_string().contains("damaged"), "{e}");
        assert!(!dir.join("x.json").exists());
        forget(&dir);
    }
}
