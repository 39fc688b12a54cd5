//! The built binary in a real pseudo-terminal, typed into like a person.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The binary running in a pseudo-terminal, with everything it wrote.
pub struct Term {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    size: (u16, u16),
    reader: Option<std::thread::JoinHandle<()>>,
    /// None once the console is closed.
    master: Option<Box<dyn MasterPty + Send>>,
}

impl Term {
    /// Starts `kompass ARGS...` in a pty of `(cols, rows)` with an empty
    /// environment but for TERM, PATH and `env`.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], size: (u16, u16)) -> Term {
        Term::spawn_program(env!("CARGO_BIN_EXE_kompass"), args, env, size)
    }

    /// [`Term::spawn`] of any program (a shell running a command Kompass printed).
    pub fn spawn_program(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        (cols, rows): (u16, u16),
    ) -> Term {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        // `env` may set PATH again, in front of the inherited one.
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.args(args);
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = output.clone();
        let reader_thread = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Term {
            child,
            writer,
            output,
            size: (cols, rows),
            reader: Some(reader_thread),
            master: Some(pair.master),
        }
    }

    /// The text on the screen now, row by row, as a terminal shows it.
    pub fn screen(&self) -> String {
        let (cols, rows) = self.size;
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal has rows and columns");
        let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
        parser.process(&self.output());
        parser.screen().contents()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for_screen(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared; the screen:\n{}", self.screen());
    }

    /// Resizes the terminal, as dragging the window's corner does (the
    /// program gets SIGWINCH).
    pub fn resize(&mut self, (cols, rows): (u16, u16)) {
        self.master
            .as_ref()
            .expect("an open console")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the pty resizes");
        self.size = (cols, rows);
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("a pid") as i32
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types like a person: one key at a time.
    pub fn type_slowly(&mut self, text: &str) {
        for c in text.chars() {
            self.send(c.encode_utf8(&mut [0; 4]));
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// How much has been written so far, for [`Term::wait_for_since`].
    pub fn mark(&self) -> usize {
        self.output.lock().unwrap().len()
    }

    pub fn wait_for(&self, text: &str) {
        self.wait_for_since(0, text);
    }

    /// Waits until `text` appears in what was written after `mark`.
    pub fn wait_for_since(&self, mark: usize, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if contains(&self.output()[mark..], text.as_bytes()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{text:?} never appeared; output:\n{}",
            String::from_utf8_lossy(&self.output()[mark..])
        );
    }

    #[cfg(unix)]
    pub fn signal(&self, sig: i32) {
        // SAFETY: kill(2) on our own child's pid has no memory effects.
        assert_eq!(unsafe { libc::kill(self.pid(), sig) }, 0);
    }

    /// Ends the program at once, with no chance to save, as a crash or a
    /// dead battery does: SIGKILL on Unix, TerminateProcess on Windows.
    pub fn kill_hard(&mut self) {
        #[cfg(unix)]
        self.signal(libc::SIGKILL);
        #[cfg(not(unix))]
        self.child.kill().expect("the program is ended");
    }

    /// Closes the console the program runs in, as clicking the window's
    /// close button does: Windows sends the program CTRL_CLOSE_EVENT and
    /// ends it once its handler returns.
    #[cfg(windows)]
    pub fn close_console(&mut self) {
        // Dropping the last handle to the pseudo console closes it.
        self.master = None;
    }

    /// Waits for the process to end; None if it does not within 10 s.
    pub fn wait_exit(&mut self) -> Option<portable_pty::ExitStatus> {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                // What it wrote last is read to the end before anyone looks.
                if let Some(reader) = self.reader.take() {
                    let until = Instant::now() + Duration::from_secs(2);
                    while !reader.is_finished() && Instant::now() < until {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                }
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
