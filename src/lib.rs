//! Kompass: municipal compass evaluations in the terminal.
//!
//! - [`core`]: the pure model (bank, sessions, scoring, merging); no I/O.
//! - [`storage`]: the only code that touches the disk.
//! - [`report`]: the report to the council, computed once and rendered as
//!   HTML, Markdown, XLSX, CSV or JSON (pure: bytes in memory, no I/O).
//! - [`platform`]: what differs between Unix, Windows and macOS (termination
//!   events, durable renames, private files, host name), used by storage
//!   and the terminal so that they carry no `cfg` of their own.
//! - [`app`]: the context every command needs, the requests the command line
//!   hands to the screens, and the user-facing error type.
//! - [`cli`] and [`tui`]: thin layers on top; the command line calls the
//!   screens, never the other way round.

pub mod app;
pub mod cli;
pub mod core;
pub mod platform;
pub mod report;
pub mod storage;
pub mod tui;
