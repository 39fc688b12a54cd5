//! Commands Kompass prints for the user to run next ("open it read-only:
//! kompass ..."): they must work pasted as they are, so they carry the data
//! directory in force and quote what the shell would split.

use std::path::Path;

use super::Context;
use crate::platform::shell_quote;

impl Context {
    /// `kompass --dir <the data directory in force>`, then `args`, each
    /// quoted for the user's shell where needed.
    pub fn command(&self, args: &[&str]) -> String {
        command_line(self.data_dir(), args)
    }
}

/// [`Context::command`] for a data directory.
pub fn command_line(dir: &Path, args: &[&str]) -> String {
    // Absolute, so that it still works after a `cd`.
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
    let dir = dir.to_string_lossy();
    ["kompass", "--dir", &dir]
        .iter()
        .chain(args)
        .map(|w| shell_quote(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_dir_in_force_is_part_of_the_command_and_comes_back_whole_from_a_shell() {
        let dir = "/home/kari/Mine filer/kari's $HOME kompass";
        let line = command_line(
            Path::new(dir),
            &["interview", "--resume", "01AB", "--read-only"],
        );
        let words = [
            "kompass",
            "--dir",
            dir,
            "interview",
            "--resume",
            "01AB",
            "--read-only",
        ];
        assert_eq!(shlex::split(&line).expect("the shell can read it"), words);
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("printf '%s\\n' {line}"))
            .output()
            .unwrap();
        let printed = String::from_utf8(out.stdout).unwrap();
        assert_eq!(printed.lines().collect::<Vec<_>>(), words);
        assert_eq!(
            command_line(Path::new("/data/k"), &["interview"]),
            "kompass --dir /data/k interview"
        );
    }

    #[test]
    fn a_relative_dir_is_made_absolute() {
        let line = command_line(Path::new("data"), &[]);
        let cwd = std::env::current_dir().unwrap().join("data");
        assert_eq!(
            line,
            format!("kompass --dir {}", shell_quote(&cwd.to_string_lossy()))
        );
    }
}
