//! The command line: argument definitions and dispatch. Each subcommand
//! lives in its own module and works through the core and storage layers.

mod bank_cmd;
mod benchmark_cmd;
mod clap_nb;
mod findings_cmd;
mod handover_cmd;
mod import_cmd;
mod interview_cmd;
mod merge_cmd;
mod privacy_cmd;
mod report_cmd;
mod score_cmd;
mod validate_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

pub use crate::app::{CmdResult, Context, Failure};
use crate::app::{ReviewRequest, lang_from_env};
use crate::core::bank::Bank;
use crate::core::lang::Lang;
use crate::storage;

/// Municipal compass evaluations: interview, review, report.
#[derive(Debug, Parser)]
#[command(name = "kompass", version, about, long_about = LONG_ABOUT)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

const LONG_ABOUT: &str = "Kompass runs municipal compass evaluations (Kommunekompasset): \
interviews typed in the terminal, a review that reconciles them into one assessment, \
and the report to the council.\n\nWith no subcommand it opens the start screen.";

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Data directory (default: $KOMPASS_DIR, else the platform's data directory)
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Question bank file to use instead of the built-in one
    #[arg(long, global = true, value_name = "FILE")]
    pub bank: Option<PathBuf>,
    /// Language of screens and reports (default: from LANG)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// A protected data directory's passphrase: the first line of FILE (for
    /// scripts; default: asked at the terminal)
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "KOMPASS_PASSPHRASE_FILE"
    )]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Nb,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new interview, or resume one
    Interview(InterviewArgs),
    /// Reconcile a municipality's interviews into one assessment
    Review(ReviewArgs),
    /// Open the review of built-in sample interviews in a temporary directory
    Demo,
    /// Print the points of a session, of several sessions merged, or of an assessment
    Score(ScoreArgs),
    /// Build an assessment from sessions with the default merge
    Merge(MergeArgs),
    /// Write the report of an assessment
    Report(ReportArgs),
    /// List an assessment's findings, or suggest groups that say the same thing
    Findings(FindingsArgs),
    /// Check session, assessment and bank files
    Validate(ValidateArgs),
    /// Show or check a question bank
    #[command(subcommand)]
    Bank(BankCommand),
    /// Turn a published result table (CSV) into a baseline
    ImportResults(ImportResultsArgs),
    /// Compute an average (a national benchmark) from evaluations, exactly
    Benchmark(BenchmarkArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    Man,
    /// Make a key pair for receiving interviews: writes the secret key, prints the public one
    Keygen(KeygenArgs),
    /// Encrypt session files into one bundle that only the given public key can open
    Export(ExportArgs),
    /// Decrypt a bundle and add its sessions to the data directory
    Import(ImportArgs),
    /// Protect the data directory: every file in it encrypted, read only with a passphrase
    Protect(ProtectArgs),
    /// Remove the protection: decrypt every file of the data directory
    Unprotect,
    /// Remove a municipality's interview notes, or its sessions, once the work is done
    Purge(PurgeArgs),
    /// A person's request: export, or erase, what was recorded where they were interviewed
    Person(PersonArgs),
}

#[derive(Debug, Args)]
pub struct InterviewArgs {
    /// Municipality of the new interview
    #[arg(long, conflicts_with = "resume")]
    pub municipality: Option<String>,
    /// Name of the interviewer
    #[arg(long, conflicts_with = "resume")]
    pub interviewer: Option<String>,
    /// An interviewee as "NAME:ROLE"; repeat for a group interview
    #[arg(long = "person", value_name = "NAME:ROLE", conflicts_with = "resume")]
    pub persons: Vec<String>,
    /// Reopen the session with this id
    #[arg(long, value_name = "ID")]
    pub resume: Option<String>,
    /// Open the session without editing it
    #[arg(long, requires = "resume")]
    pub read_only: bool,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Session files or directories (searched recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Baseline to show beside the scores (repeatable)
    #[arg(long = "baseline", value_name = "FILE")]
    pub baselines: Vec<PathBuf>,
    /// Municipality to review when the paths hold several
    #[arg(long)]
    pub municipality: Option<String>,
}

impl From<ReviewArgs> for ReviewRequest {
    fn from(args: ReviewArgs) -> ReviewRequest {
        ReviewRequest {
            paths: args.paths,
            baselines: args.baselines,
            municipality: args.municipality,
        }
    }
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// One session, several sessions of one municipality (of several with
    /// --by-municipality), or an assessment
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print JSON with unrounded points
    #[arg(long)]
    pub json: bool,
    /// Score every municipality among the paths, one scorecard each, in name order
    #[arg(long)]
    pub by_municipality: bool,
    /// Leave out session files that cannot be read (cut off, invalid) instead
    /// of refusing; each is named on standard error
    #[arg(long)]
    pub skip_bad: bool,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Session files or directories (searched recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where to write the assessment (with --by-municipality: a directory)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Baseline to attach (repeatable)
    #[arg(long = "baseline", value_name = "FILE")]
    pub baselines: Vec<PathBuf>,
    /// Municipality to merge when the paths hold several
    #[arg(long)]
    pub municipality: Option<String>,
    /// Merge every municipality among the paths, each to
    /// OUTPUT/<municipality-slug>/assessment.json
    #[arg(long, conflicts_with = "municipality")]
    pub by_municipality: bool,
    /// Replace an existing assessment even if it holds decisions or curation
    /// (the old file is kept as FILE.bak)
    #[arg(long)]
    pub force: bool,
    /// Leave out session files that cannot be read (cut off, invalid) instead
    /// of refusing; each is named on standard error
    #[arg(long)]
    pub skip_bad: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Md,
    Xlsx,
    Csv,
    Json,
    /// The council's slide deck (PowerPoint)
    Pptx,
    /// The written report (Word)
    Docx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The assessment file
    #[arg(value_name = "ASSESSMENT")]
    pub assessment: PathBuf,
    #[arg(long, value_enum, default_value = "html")]
    pub format: ReportFormat,
    /// Output file (default: standard output; required for xlsx, pptx, docx)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The consultancy's own .pptx or .docx to build on (layouts, styles,
    /// fonts, colours, logo); only with --format pptx or docx
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Baseline to show beside the scores (repeatable)
    #[arg(long = "baseline", value_name = "FILE")]
    pub baselines: Vec<PathBuf>,
    /// Print the interviewees' names in the method section
    #[arg(long)]
    pub names: bool,
    /// Also print each interview's own scores, by session id with its date,
    /// roles and head count (CSV columns, JSON fields). This exposes
    /// what one person said: an interview of a role that fewer than 3 people
    /// hold, or fewer than 3 interviews cover (the mayor, the union
    /// representatives, as a rule), is still left out unless --names is given
    /// too. Without it a report carries the reconciled scores only
    #[arg(long)]
    pub per_interview: bool,
    /// An average with members (from `kompass benchmark`): the report places
    /// the municipality among them and shows it beside the scores
    #[arg(long, value_name = "FILE")]
    pub benchmark: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FindingsArgs {
    /// The assessment file
    #[arg(value_name = "ASSESSMENT")]
    pub assessment: PathBuf,
    /// Only this area (its id, e.g. 7)
    #[arg(long, value_name = "ID")]
    pub area: Option<String>,
    /// Suggest groups of findings that say the same thing, per area and
    /// kind, each with a representative text; changes nothing
    #[arg(long)]
    pub suggest: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or directories (searched recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Print the active bank
    Show {
        /// Print the bank's JSON byte for byte as loaded
        #[arg(long)]
        json: bool,
        /// Only the questions put to this role
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
    },
    /// Check a bank file against every rule
    Check {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct ImportResultsArgs {
    /// The published table as CSV: a header with an id column (`id`, `område`
    /// and/or `delområde`) and a points column (`points`/`poeng`), optionally
    /// `name`/`navn` and `max`/`maks`; rows of area or sub-area ids or `total`.
    /// Delimiter `;`, `,` or tab (or as a first `sep=;` line names it); decimal
    /// comma or point; UTF-8, UTF-16 with BOM or Windows-1252 (Excel's "CSV
    /// (semikolondelt)"). See docs/formats.md.
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// Name of the baseline, e.g. "Midtre Gauldal 2015"
    #[arg(long)]
    pub name: String,
    /// Where to write the baseline
    #[arg(short = 'o', long = "output", value_name = "FILE.json")]
    pub output: PathBuf,
    /// Treat sums that disagree as an error
    #[arg(long)]
    pub strict: bool,
    /// What the baseline is: an earlier evaluation or an average
    #[arg(long, value_enum, default_value = "earlier")]
    pub kind: BaselineKindArg,
    /// Where the figures were published, as the report's method page names
    /// it, e.g. "KS: Kommunekompasset, Eksempelvik kommune 2015"
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
}

#[derive(Debug, Args)]
pub struct BenchmarkArgs {
    /// Assessments, earlier evaluations (baselines), interviews, output of
    /// `kompass score --by-municipality --json`, or directories of them
    /// (searched recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Name of the average, e.g. "Snitt Norge 2012-2023"
    #[arg(long)]
    pub name: String,
    /// Where to write the average (a baseline of kind `average`)
    #[arg(short = 'o', long = "output", value_name = "FILE.json")]
    pub output: PathBuf,
    /// The country the evaluations are from; an evaluation marked with
    /// another is refused
    #[arg(long, value_enum)]
    pub country: Option<CountryArg>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CountryArg {
    No,
    Se,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BaselineKindArg {
    Earlier,
    Average,
}

#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Where to write the secret key (default: keys/kompass-key.txt in the data directory)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The reviewer's public key (age1...); repeat for several readers
    #[arg(long = "to", required = true, value_name = "RECIPIENT")]
    pub to: Vec<String>,
    /// Session files or directories (searched recursively)
    #[arg(required = true, value_name = "SESSION")]
    pub sessions: Vec<PathBuf>,
    /// The bundle to write
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The encrypted bundle
    #[arg(value_name = "BUNDLE")]
    pub bundle: PathBuf,
    /// Your secret key file (default: the one `kompass keygen` wrote)
    #[arg(long, value_name = "KEYFILE")]
    pub identity: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ProtectArgs {
    /// Give an already protected directory a new passphrase (only the key is
    /// encrypted again)
    #[arg(long)]
    pub change_passphrase: bool,
    /// The new passphrase: the first line of FILE (default: asked twice at the terminal)
    #[arg(long, value_name = "FILE", requires = "change_passphrase")]
    pub new_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("purge_what").required(true).args(["notes", "all"])))]
pub struct PurgeArgs {
    /// The municipality whose sessions are purged
    pub municipality: String,
    /// Remove notes and finding texts from the sessions (scores and the
    /// assessment's curated findings stay)
    #[arg(long)]
    pub notes: bool,
    /// Remove the session files, once the assessment has recorded their scores
    #[arg(long)]
    pub all: bool,
    /// Only sessions last changed more than DAYS days ago
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,
    /// Remove; without it the command only lists what it would remove
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("person_what").required(true).args(["export", "erase"])))]
pub struct PersonArgs {
    /// The interviewee's name as recorded (case does not matter)
    pub name: String,
    /// Write everything recorded in their interviews to FILE (.md: Markdown, else JSON)
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
    /// Replace the name with the role and a number in every session and
    /// assessment, keeping the scores
    #[arg(long)]
    pub erase: bool,
    /// Do it without asking
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Nb => Lang::Nb,
            LangArg::En => Lang::En,
        }
    }
}

/// Parses the arguments, runs the command and maps the outcome to an exit
/// code: 0 ok, 1 wrong input (the message says why), 2 usage.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return refuse_usage(&err, lang_from_env(clap_nb::lang_arg(&args))),
    };
    let lang = lang_from_env(cli.global.lang.map(Lang::from));
    lang.use_for_messages();
    let bank = match &cli.global.bank {
        Some(path) => match storage::load_bank(path) {
            Ok(bank) => bank,
            Err(e) => return fail(Failure::from(e)),
        },
        None => Bank::builtin(),
    };
    let ctx = Context::new(lang, bank, storage::data_dir(cli.global.dir.as_deref()));
    let passphrase_file = cli
        .global
        .passphrase_file
        .clone()
        .filter(|f| !f.as_os_str().is_empty());
    let source = match passphrase_file.clone() {
        Some(file) => storage::vault::PassphraseSource::File(file),
        None => storage::vault::PassphraseSource::Terminal,
    };
    storage::vault::configure(source, lang, ctx.data_dir());
    if let Err(f) = unlock_before_screen(&ctx, cli.command.as_ref()) {
        return fail(f);
    }
    let result = match cli.command {
        None => crate::tui::run_start(&ctx),
        Some(Command::Interview(args)) => interview_cmd::request(&ctx, &args)
            .and_then(|request| crate::tui::run_interview(&ctx, &request)),
        Some(Command::Review(args)) => crate::tui::run_review(&ctx, &args.into()),
        Some(Command::Demo) => crate::tui::run_demo(&ctx),
        Some(Command::Score(args)) => score_cmd::run(&ctx, &args),
        Some(Command::Merge(args)) => merge_cmd::run(&ctx, &args),
        Some(Command::Report(args)) => report_cmd::run(&ctx, &args),
        Some(Command::Findings(args)) => findings_cmd::run(&ctx, &args),
        Some(Command::Validate(args)) => validate_cmd::run(&ctx, &args),
        Some(Command::Bank(cmd)) => bank_cmd::run(&ctx, &cmd),
        Some(Command::ImportResults(args)) => import_cmd::run(&ctx, &args),
        Some(Command::Benchmark(args)) => benchmark_cmd::run(&ctx, &args),
        Some(Command::Keygen(args)) => handover_cmd::keygen(&ctx, &args),
        Some(Command::Export(args)) => handover_cmd::export(&ctx, &args),
        Some(Command::Import(args)) => handover_cmd::import(&ctx, &args),
        Some(Command::Protect(args)) => {
            privacy_cmd::protect(&ctx, &args, passphrase_file.as_deref())
        }
        Some(Command::Unprotect) => privacy_cmd::unprotect(&ctx),
        Some(Command::Purge(args)) => privacy_cmd::purge(&ctx, &args),
        Some(Command::Person(args)) => privacy_cmd::person(&ctx, &args),
        Some(Command::Completions(args)) => {
            clap_complete::generate(
                args.shell,
                &mut Cli::command(),
                "kompass",
                &mut std::io::stdout(),
            );
            Ok(())
        }
        Some(Command::Man) => {
            let man = clap_mangen::Man::new(Cli::command());
            man.render(&mut std::io::stdout())
                .map_err(|e| Failure::new(storage::describe_io(&e)))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => fail(f),
    }
}

/// A screen takes the terminal, so the passphrase of a protected data
/// directory (and of the directories a review reads) is asked before it
/// starts. Other commands ask when they first read an encrypted file.
fn unlock_before_screen(ctx: &Context, command: Option<&Command>) -> CmdResult {
    let paths: &[PathBuf] = match command {
        None | Some(Command::Interview(_)) => &[],
        Some(Command::Review(args)) => &args.paths,
        Some(_) => return Ok(()),
    };
    storage::vault::unlock_dir(ctx.data_dir())?;
    for path in paths {
        storage::vault::unlock_covering(path)?;
    }
    Ok(())
}

/// clap's refusal of the command line (exit code 2), in bokmål under nb;
/// `--help` and `--version` print as clap prints them.
fn refuse_usage(err: &clap::Error, lang: Lang) -> ExitCode {
    match clap_nb::message(err).filter(|_| lang == Lang::Nb) {
        Some(message) => {
            eprint!("{message}");
            ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
        }
        None => err.exit(),
    }
}

fn fail(f: Failure) -> ExitCode {
    for line in &f.lines {
        eprintln!("{}", crate::core::text::one_line(line));
    }
    ExitCode::from(1)
}

/// The points of an assessment file, with a heading for the table.
fn assessment_scorecard(
    ctx: &Context,
    path: &std::path::Path,
) -> Result<(crate::core::scoring::Scorecard, String), Failure> {
    merge_cmd::assessment_scorecard(ctx, path)
}

/// Prints text for people that may hold strings from files (names, notes,
/// bank texts, file names): control characters are shown, never obeyed.
pub fn show(text: &str) -> CmdResult {
    print(&crate::core::text::multi_line(text))
}

/// The `.json` files under the given paths; none at all is an error that
/// names the paths, so a mistyped directory is not silently "nothing to do".
pub fn json_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let files = storage::json_files(paths)?;
    if files.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Failure::new(format!(
            "{}: {}",
            names.join(", "),
            Lang::of_messages().pick("fant ingen .json-filer", "no .json files found")
        )));
    }
    Ok(files)
}

/// Writes to standard output, treating a closed pipe (`| head`) as success.
pub fn print(text: &str) -> CmdResult {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(match Lang::of_messages() {
            Lang::Nb => format!(
                "kan ikke skrive til standard ut: {}",
                storage::describe_io(&e)
            ),
            Lang::En => format!("cannot write to standard output: {e}"),
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
