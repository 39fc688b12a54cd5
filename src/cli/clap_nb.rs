//! The command line's own refusals (an unknown flag, a value not among the
//! possible ones, a missing argument) in bokmål. clap writes them in English
//! only; its error carries what went wrong as context (the argument, the
//! value, the possible values, a suggestion), from which the same message is
//! written here in Norwegian, with clap's usage line. Kinds not covered here
//! keep clap's English. Help texts (`--help`) are clap's, in English.

use clap::error::{ContextKind, ContextValue, ErrorKind};

const TAB: &str = "  ";

/// The language asked for on the command line (`--lang nb`, `--lang=en`,
/// anywhere before a `--`), read before clap parses it: clap's refusal of
/// another argument is to be in that language too.
pub fn lang_arg(args: &[std::ffi::OsString]) -> Option<crate::core::lang::Lang> {
    use clap::ValueEnum;
    let mut asked = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--lang" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_owned),
        };
        // The values clap itself accepts for --lang, no others.
        if let Some(lang) = value.and_then(|v| super::LangArg::from_str(&v, false).ok()) {
            asked = Some(lang.into());
        }
    }
    asked
}

/// clap's error in bokmål, as clap would print it (`feil: …`, the usage,
/// where to find help), or None for a kind not translated here and for
/// `--help` and `--version`, which are not errors to the user.
pub fn message(err: &clap::Error) -> Option<String> {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let strings = |kind| match err.get(kind) {
        Some(ContextValue::Strings(v)) => v.as_slice(),
        _ => &[],
    };
    let number = |kind| match err.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut out = String::from("feil: ");
    match err.kind() {
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            if value.is_empty() {
                out += &format!("'{arg}' trenger en verdi, men fikk ingen");
            } else {
                out += &format!("ugyldig verdi '{value}' for '{arg}'");
            }
            out += &values_list("mulige verdier", strings(ContextKind::ValidValue));
        }
        ErrorKind::ValueValidation => {
            let (arg, value) = (arg?, value?);
            // The reason (the parser's own, in English) is left out.
            out += &format!("ugyldig verdi '{value}' for '{arg}'");
        }
        ErrorKind::UnknownArgument => {
            out += &format!("ukjent argument '{}'", arg?);
        }
        ErrorKind::InvalidSubcommand => {
            out += &format!(
                "ukjent underkommando '{}'",
                text(ContextKind::InvalidSubcommand)?
            );
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            out += "disse argumentene må være med, men mangler:";
            for m in missing {
                out += &format!("\n{TAB}{m}");
            }
        }
        ErrorKind::MissingSubcommand => {
            out += &format!(
                "'{}' trenger en underkommando, men fikk ingen",
                text(ContextKind::InvalidSubcommand)?
            );
            out += &values_list("underkommandoer", strings(ContextKind::ValidSubcommand));
        }
        ErrorKind::ArgumentConflict => {
            let prior = err.get(ContextKind::PriorArg);
            match (arg, prior) {
                (Some(a), Some(ContextValue::String(p))) if a == p => {
                    out += &format!("argumentet '{a}' kan ikke gis flere ganger");
                }
                (Some(a), Some(ContextValue::String(p))) => {
                    out += &format!("argumentet '{a}' kan ikke brukes sammen med '{p}'");
                }
                (Some(a), Some(ContextValue::Strings(ps))) => {
                    out += &format!("argumentet '{a}' kan ikke brukes sammen med:");
                    for p in ps {
                        out += &format!("\n{TAB}{p}");
                    }
                }
                (Some(a), _) => {
                    out += &format!(
                        "argumentet '{a}' kan ikke brukes sammen med ett eller flere av de andre argumentene"
                    );
                }
                (None, _) => return None,
            }
        }
        ErrorKind::NoEquals => {
            let arg = arg?;
            out += &format!("'{arg}' må få verdien med likhetstegn ('{arg}=…')");
        }
        ErrorKind::TooManyValues => {
            out += &format!(
                "uventet verdi '{}' for '{}'; ingen flere var ventet",
                value?, arg?
            );
        }
        ErrorKind::TooFewValues => {
            out += &format!(
                "'{}' trenger minst {} verdier, men fikk {}",
                arg?,
                number(ContextKind::MinValues)?,
                number(ContextKind::ActualNumValues)?
            );
        }
        ErrorKind::WrongNumberOfValues => {
            out += &format!(
                "'{}' trenger {} verdier, men fikk {}",
                arg?,
                number(ContextKind::ExpectedNumValues)?,
                number(ContextKind::ActualNumValues)?
            );
        }
        _ => return None,
    }
    let mut tips = Vec::new();
    for (kind, one, many) in [
        (
            ContextKind::SuggestedSubcommand,
            "en lignende underkommando",
            "lignende underkommandoer",
        ),
        (
            ContextKind::SuggestedArg,
            "et lignende argument",
            "lignende argumenter",
        ),
        (
            ContextKind::SuggestedValue,
            "en lignende verdi",
            "lignende verdier",
        ),
    ] {
        let similar: Vec<String> = match err.get(kind) {
            Some(ContextValue::String(s)) => vec![format!("'{s}'")],
            Some(ContextValue::Strings(v)) => v.iter().map(|s| format!("'{s}'")).collect(),
            _ => continue,
        };
        match similar.len() {
            0 => {}
            1 => tips.push(format!("{one} finnes: {}", similar[0])),
            _ => tips.push(format!("{many} finnes: {}", similar.join(", "))),
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = err.get(ContextKind::Suggested) {
        tips.extend(suggested.iter().map(|s| tip(&s.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
        for t in tips {
            out += &format!("\n{TAB}tips: {t}");
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").map_or(usage.clone(), |rest| {
            // The continuation lines are aligned under the first.
            format!("Bruk:{}", rest.replace("\n       ", "\n      "))
        });
        out += &format!("\n\n{usage}");
    }
    out += "\n\nMer hjelp: '--help'.\n";
    Some(out)
}

/// A possible values list: `[mulige verdier: html, md]`.
fn values_list(name: &str, values: &[String]) -> String {
    if values.is_empty() {
        return String::new();
    }
    format!("\n{TAB}[{name}: {}]", values.join(", "))
}

/// clap's free-text tips, of which it has three; another stays in English.
fn tip(english: &str) -> String {
    let quoted: Vec<&str> = english.split('\'').skip(1).step_by(2).collect();
    if english.starts_with("to pass ") && quoted.len() == 2 {
        format!(
            "for å gi '{}' som en verdi, skriv '{}'",
            quoted[0], quoted[1]
        )
    } else if english.starts_with("subcommand ") && quoted.len() == 2 {
        format!(
            "underkommandoen '{}' finnes; fjern '{}' foran den for å bruke den",
            quoted[0], quoted[1]
        )
    } else if english.ends_with("' exists") && quoted.len() == 1 {
        format!("'{}' finnes", quoted[0])
    } else {
        english.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn nb(args: &[&str]) -> String {
        let err = super::super::Cli::try_parse_from(args).unwrap_err();
        message(&err).unwrap_or_else(|| panic!("{:?}: {err}", err.kind()))
    }

    #[test]
    fn the_language_is_found_anywhere_before_a_double_dash() {
        use crate::core::lang::Lang;
        let scan = |args: &[&str]| {
            let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
            lang_arg(&args)
        };
        assert_eq!(
            scan(&["kompass", "report", "--lang", "nb", "x"]),
            Some(Lang::Nb)
        );
        assert_eq!(scan(&["kompass", "--lang=en", "report"]), Some(Lang::En));
        assert_eq!(scan(&["kompass", "--lang", "de", "report"]), None);
        assert_eq!(scan(&["kompass", "report", "--", "--lang", "nb"]), None);
    }

    #[test]
    fn each_kind_names_the_argument_and_value_in_norwegian() {
        let m = nb(&["kompass", "report", "--format", "pdf", "a.json"]);
        assert!(
            m.starts_with("feil: ugyldig verdi 'pdf' for '--format <FORMAT>'\n  [mulige verdier: "),
            "{m}"
        );
        assert!(m.ends_with("]\n\nMer hjelp: '--help'.\n"), "{m}");
        let m = nb(&["kompass", "report", "--formt", "html", "a.json"]);
        assert!(
            m.starts_with(
                "feil: ukjent argument '--formt'\n\n  tips: et lignende argument finnes: '--format'"
            ),
            "{m}"
        );
        let m = nb(&["kompass", "import-results", "x.csv"]);
        assert!(
            m.starts_with("feil: disse argumentene må være med, men mangler:\n  --name <NAME>\n  --output <FILE.json>"),
            "{m}"
        );
        assert!(
            m.contains(
                "\n\nBruk: kompass import-results --name <NAME> --output <FILE.json> <FILE.csv>\n"
            ),
            "{m}"
        );
        let m = nb(&["kompass", "reprt"]);
        assert!(
            m.starts_with("feil: ukjent underkommando 'reprt'\n\n  tips: lignende underkommandoer finnes: 'import', 'export', 'report'"),
            "{m}"
        );
        let m = nb(&[
            "kompass",
            "interview",
            "--resume",
            "A",
            "--municipality",
            "B",
        ]);
        assert!(m.starts_with("feil: argumentet '--resume <ID>' kan ikke brukes sammen med '--municipality <MUNICIPALITY>'"), "{m}");
        let m = nb(&["kompass", "report", "--format"]);
        assert!(
            m.starts_with("feil: '--format <FORMAT>' trenger en verdi, men fikk ingen"),
            "{m}"
        );
        let help = super::super::Cli::try_parse_from(["kompass", "--help"]).unwrap_err();
        assert_eq!(message(&help), None);
    }
}
