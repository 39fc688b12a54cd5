//! The handover bundle's plaintext: a one-line JSON manifest followed by
//! the session files' bytes, each listed with its size and sha256. The
//! encryption around it (age, x25519) is done by `storage::handover`; the
//! format is documented in `docs/formats.md`, section "Handover bundle".

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::bank::sha256_hex;
use super::parse::{self, Problem};
use super::session::Session;

pub const FORMAT: &str = "kompass.bundle";
pub const FORMAT_VERSION: u64 = 1;
/// The manifest line is small (a few hundred bytes per file); anything
/// longer is not a Kompass bundle.
const MAX_MANIFEST_BYTES: usize = 1 << 20;

/// One file in the bundle, in the order its bytes follow the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// `<municipality-slug>/<id>.json`, its place under the data directory.
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u64,
    pub created_at: DateTime<FixedOffset>,
    pub files: Vec<ManifestFile>,
}

/// A file taken out of a bundle, its hash verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The plaintext of a bundle holding `files` (path and bytes each).
pub fn pack(files: &[Entry], now: DateTime<FixedOffset>) -> Vec<u8> {
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        created_at: now,
        files: files
            .iter()
            .map(|f| ManifestFile {
                path: f.path.clone(),
                size: f.bytes.len() as u64,
                sha256: sha256_hex(&f.bytes),
            })
            .collect(),
    };
    let mut out = serde_json::to_vec(&manifest).expect("a manifest always serializes");
    out.push(b'\n');
    for f in files {
        out.extend_from_slice(&f.bytes);
    }
    out
}

/// Takes a bundle's plaintext apart, refusing it whole if anything is off:
/// the manifest, a size that does not add up, or any file whose bytes do not
/// have the sha256 the manifest lists (named by its path).
pub fn unpack(plain: &[u8]) -> Result<Vec<Entry>, Problem> {
    let end = plain
        .iter()
        .take(MAX_MANIFEST_BYTES)
        .position(|&b| b == b'\n')
        .ok_or_else(|| {
            Problem::in_both(
                "ikke en Kompass-bunt: ingen innholdslinje (manifest)",
                "not a Kompass bundle: no manifest line",
            )
        })?;
    let line = &plain[..end];
    let header = parse::header(line)?;
    parse::check_header(&header, FORMAT, FORMAT_VERSION)?;
    let manifest: Manifest = parse::from_json(line)?;
    let mut rest = &plain[end + 1..];
    let mut entries = Vec::with_capacity(manifest.files.len());
    for (i, f) in manifest.files.iter().enumerate() {
        let at = format!("files[{i}] ({})", f.path);
        let size = usize::try_from(f.size)
            .ok()
            .filter(|&s| s <= rest.len())
            .ok_or_else(|| {
                let (listed, left) = (f.size, rest.len());
                Problem::at_in_both(
                    &at,
                    format!(
                        "er oppført med {listed} byte, men bare {left} følger; bunten er kuttet av eller endret"
                    ),
                    format!(
                        "is listed with {listed} bytes, but only {left} follow; the bundle is cut off or altered"
                    ),
                )
            })?;
        let (bytes, tail) = rest.split_at(size);
        if !sha256_hex(bytes).eq_ignore_ascii_case(&f.sha256) {
            return Err(Problem::at_in_both(
                &at,
                "innholdet stemmer ikke med sha256 i innholdslisten; bunten er endret",
                "its contents do not match the sha256 in the manifest; the bundle was altered",
            ));
        }
        entries.push(Entry {
            path: f.path.clone(),
            bytes: bytes.to_vec(),
        });
        rest = tail;
    }
    if !rest.is_empty() {
        let extra = rest.len();
        return Err(Problem::in_both(
            format!("{extra} byte etter den siste oppførte filen; bunten er endret"),
            format!("{extra} bytes after the last listed file; the bundle was altered"),
        ));
    }
    Ok(entries)
}

/// What an import does with a session from a bundle, given the local copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// No local copy: write it.
    New,
    /// The local copy has the same bytes.
    AlreadyPresent,
    /// The bundle's copy was updated later: replace the local one.
    Newer,
    /// The local copy was updated later: keep it.
    LocalNewer,
    /// Same `updated_at`, other contents: keep the local copy, a person decides.
    SameTimeDifferent,
}

/// Never lets an older or equally old copy overwrite a local one.
pub fn arrival(local: Option<(&[u8], &Session)>, incoming: (&[u8], &Session)) -> Arrival {
    let Some((local_bytes, local)) = local else {
        return Arrival::New;
    };
    let (bytes, session) = incoming;
    if local_bytes == bytes {
        Arrival::AlreadyPresent
    } else if session.updated_at > local.updated_at {
        Arrival::Newer
    } else if session.updated_at < local.updated_at {
        Arrival::LocalNewer
    } else {
        Arrival::SameTimeDifferent
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T12:00:00+01:00").unwrap()
    }

    fn entries() -> Vec<Entry> {
        vec![
            Entry {
                path: "eksempelvik/A.json".into(),
                bytes: b"{\"a\": 1}\n".to_vec(),
            },
            Entry {
                path: "eksempelvik/B.json".into(),
                bytes: "{\"b\": \"ø\n\"}".as_bytes().to_vec(),
            },
        ]
    }

    #[test]
    fn pack_then_unpack_is_the_identity() {
        let plain = pack(&entries(), now());
        assert_eq!(unpack(&plain).unwrap(), entries());
        assert_eq!(unpack(&pack(&[], now())).unwrap(), vec![]);
    }

    #[test]
    fn any_change_is_refused_naming_the_file() {
        let plain = pack(&entries(), now());
        let mut altered = plain.clone();
        let last = altered.len() - 2;
        altered[last] ^= 1;
        let p = unpack(&altered).unwrap_err();
        assert_eq!(p.at.as_deref(), Some("files[1] (eksempelvik/B.json)"));
        assert!(p.message.contains("do not match the sha256"), "{p:?}");
        let p = unpack(&plain[..plain.len() - 1]).unwrap_err();
        assert!(p.message.contains("cut off"), "{p:?}");
        let mut longer = plain.clone();
        longer.push(b'x');
        assert!(
            unpack(&longer)
                .unwrap_err()
                .message
                .contains("1 bytes after")
        );
        let p = unpack(b"{\"format\": \"kompass.session\", \"format_version\": 1}\n").unwrap_err();
        assert_eq!(p.at.as_deref(), Some("format"));
        assert!(unpack(b"no newline").is_err());
    }

    #[test]
    fn a_local_copy_is_replaced_only_by_a_newer_one() {
        let bank = Bank::builtin();
        let now = now();
        let s = Session::new("A".into(), &bank, "Eksempelvik", "Kari", vec![], now);
        let mut later = s.clone();
        later.updated_at = now + chrono::Duration::minutes(5);
        let (b1, b2) = (s.to_json(), later.to_json());
        assert_eq!(arrival(None, (&b1, &s)), Arrival::New);
        assert_eq!(arrival(Some((&b1, &s)), (&b1, &s)), Arrival::AlreadyPresent);
        assert_eq!(arrival(Some((&b1, &s)), (&b2, &later)), Arrival::Newer);
        assert_eq!(arrival(Some((&b2, &later)), (&b1, &s)), Arrival::LocalNewer);
        let mut other = s.clone();
        other.interviewer = "Per".into();
        assert_eq!(
            arrival(Some((&b1, &s)), (&other.to_json(), &other)),
            Arrival::SameTimeDifferent
        );
    }
}
