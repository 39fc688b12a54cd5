//! `kompass bank show` and `kompass bank check`.

use std::fmt::Write;

use super::{BankCommand, CmdResult, Context, Failure, show};
use crate::core::bank::{Bank, DIMENSIONS};
use crate::core::lang::Lang;
use crate::core::text::one_line;
use crate::storage;

pub fn run(ctx: &Context, cmd: &BankCommand) -> CmdResult {
    match cmd {
        BankCommand::Show { json: true, .. } => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            match out.write_all(&ctx.bank.bytes) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure::new(storage::describe_io(&e)))
                }
                _ => Ok(()),
            }
        }
        BankCommand::Show { json: false, role } => {
            if let Some(role) = role
                && ctx.bank.role(role).is_none()
            {
                let known = ctx.bank.role_ids().join(", ");
                return Err(Failure::new(match ctx.lang {
                    Lang::Nb => format!("ukjent rolle «{role}»; kjente roller: {known}"),
                    Lang::En => format!("unknown role \"{role}\"; known roles: {known}"),
                }));
            }
            show(&readable(&ctx.bank, role.as_deref(), ctx.lang))
        }
        BankCommand::Check { file } => {
            let bytes = storage::read_file(file)?;
            let name = file.display().to_string();
            let problems = match Bank::parse_unchecked(bytes) {
                Ok(bank) => bank.check(),
                Err(p) => vec![p],
            };
            if problems.is_empty() {
                return show(&format!("{name}: ok\n"));
            }
            let errors = problems.iter().any(|p| !p.warning);
            let lines: Vec<String> = problems.iter().map(|p| p.render(&name)).collect();
            if errors {
                Err(Failure { lines })
            } else {
                show(&(lines.join("\n") + "\n"))
            }
        }
    }
}

/// The bank as an interviewer would read it on paper.
pub fn readable(bank: &Bank, role: Option<&str>, lang: crate::core::lang::Lang) -> String {
    let mut out = String::new();
    let title = bank
        .file
        .title
        .as_ref()
        .map(|t| t.get(lang).to_owned())
        .unwrap_or_else(|| bank.id().to_owned());
    let _ = writeln!(
        out,
        "{} {} ({})",
        one_line(&title),
        one_line(bank.version()),
        bank.id()
    );
    if let Some(role) = role {
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick("Rolle", "Role"),
            bank.role_label(role, lang)
        );
    }
    let _ = writeln!(
        out,
        "\n{} {}-{}",
        lang.pick("Skala", "Scale"),
        bank.scale_min(),
        bank.scale_max()
    );
    for d in DIMENSIONS {
        if let Some(def) = bank.dimension(d) {
            let _ = writeln!(out, "  {}", one_line(def.label.get(lang)));
            for level in &def.levels {
                let _ = writeln!(
                    out,
                    "    {}  {}",
                    level.value,
                    one_line(level.text.get(lang))
                );
            }
        }
    }
    for area in bank.areas() {
        let questions: Vec<_> = area
            .subareas
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
            .filter(|(_, q)| role.is_none_or(|r| q.roles.iter().any(|x| x == r)))
            .collect();
        if questions.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} {} ({} {})",
            area.id,
            one_line(area.title.get(lang)),
            crate::core::exact::format_points(area.max_points, 0, lang),
            lang.pick("poeng", "points")
        );
        let mut last_sub = "";
        for (sub, q) in questions {
            if sub.id != last_sub {
                let _ = writeln!(
                    out,
                    "\n  {} {} ({})",
                    sub.id,
                    one_line(sub.title.get(lang)),
                    crate::core::exact::format_points(sub.max_points, 0, lang)
                );
                last_sub = &sub.id;
            }
            let _ = writeln!(out, "    {}  {}", q.id, one_line(q.text.get(lang)));
            for probe in &q.probes {
                let _ = writeln!(out, "          - {}", one_line(probe.get(lang)));
            }
            let roles: Vec<String> = q.roles.iter().map(|r| bank.role_label(r, lang)).collect();
            let _ = writeln!(out, "          [{}]", one_line(&roles.join("; ")));
        }
    }
    out
}
