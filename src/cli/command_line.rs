//! Commands Kompass prints for the user to run next ("open it read-only:
//! kompass ..."): they must work pasted as they are, so they carry the
//! global flags in force and quote what the shell would split.

use std::borrow::Cow;
use std::path::Path;

use super::{Context, Global};

impl Context {
    /// `kompass`, the `--dir` and `--bank` in force, then `args`, each
    /// quoted for the user's shell where needed.
    pub fn command(&self, args: &[&str]) -> String {
        command_line(&self.global, args)
    }
}

/// [`Context::command`] for the global flags alone.
pub fn command_line(global: &Global, args: &[&str]) -> String {
    let mut words: Vec<Cow<str>> = vec![Cow::Borrowed("kompass")];
    for (flag, path) in [("--dir", &global.dir), ("--bank", &global.bank)] {
        if let Some(path) = path {
            words.push(Cow::Borrowed(flag));
            words.push(Cow::Owned(absolute(path)));
        }
    }
    words.extend(args.iter().map(|a| Cow::Borrowed(*a)));
    words.iter().map(|w| quote(w)).collect::<Vec<_>>().join(" ")
}

/// A path as an argument that still works after a `cd`.
fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .to_string_lossy()
        .into_owned()
}

/// One argument as a POSIX shell reads it back unchanged: quoted only when
/// it has to be (`'/data/Mine filer'`).
#[cfg(not(windows))]
pub fn quote(word: &str) -> Cow<'_, str> {
    // A NUL cannot be in an argument at all; shown as it is, it fails loudly.
    shlex::try_quote(word).unwrap_or(Cow::Borrowed(word))
}

/// One argument as cmd.exe and PowerShell read it back unchanged: in double
/// quotes when it has a space or a character either shell treats specially.
#[cfg(windows)]
pub fn quote(word: &str) -> Cow<'_, str> {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./\\:=,+@".contains(c));
    if plain {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("\"{}\"", word.replace('"', "\"\"")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn global(dir: Option<&str>, bank: Option<&str>) -> Global {
        Global {
            dir: dir.map(PathBuf::from),
            bank: bank.map(PathBuf::from),
            lang: None,
        }
    }

    #[test]
    fn the_dir_in_force_is_part_of_the_command() {
        assert_eq!(
            command_line(&global(None, None), &["interview", "--resume", "01AB"]),
            "kompass interview --resume 01AB"
        );
        assert_eq!(
            command_line(&global(Some("/data/k"), None), &["interview"]),
            "kompass --dir /data/k interview"
        );
    }

    #[cfg(unix)]
    #[test]
    fn paths_with_spaces_and_quotes_come_back_whole_from_the_shell() {
        let dir = "/home/kari/Mine filer/kari's kompass";
        let bank = "/tmp/bank $HOME.json";
        let line = command_line(
            &global(Some(dir), Some(bank)),
            &["interview", "--read-only"],
        );
        let words = shlex::split(&line).expect("the shell can read it");
        assert_eq!(
            words,
            [
                "kompass",
                "--dir",
                dir,
                "--bank",
                bank,
                "interview",
                "--read-only"
            ]
        );
        // And a real shell agrees.
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("printf '%s\\n' {line}"))
            .output()
            .unwrap();
        let printed = String::from_utf8(out.stdout).unwrap();
        assert_eq!(printed.lines().collect::<Vec<_>>(), words);
    }

    #[test]
    fn a_relative_dir_is_made_absolute() {
        let line = command_line(&global(Some("data"), None), &[]);
        let cwd = std::env::current_dir().unwrap().join("data");
        assert_eq!(
            line,
            format!("kompass --dir {}", quote(&cwd.to_string_lossy()))
        );
    }
}
