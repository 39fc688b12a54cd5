//! `kompass interview`: the flags checked and turned into a request for the
//! interview screen.

use super::{Context, Failure, InterviewArgs};
use crate::app::InterviewRequest;
use crate::app::people;

/// A new session from the flags, or `--resume ID`; every message names the
/// flag that is wrong.
pub fn request(ctx: &Context, args: &InterviewArgs) -> Result<InterviewRequest, Failure> {
    if let Some(id) = &args.resume {
        return Ok(InterviewRequest::Resume {
            id: id.clone(),
            read_only: args.read_only,
        });
    }
    let lang = ctx.lang;
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let mut problems = Vec::new();
    let municipality = given(&args.municipality);
    if municipality.is_none() {
        problems.push(
            lang.pick(
                "--municipality mangler: hvilken kommune gjelder intervjuet? (eller --resume ID)",
                "--municipality is missing: which municipality is the interview about? (or --resume ID)",
            )
            .to_owned(),
        );
    }
    let interviewer = given(&args.interviewer);
    if interviewer.is_none() {
        problems.push(
            lang.pick(
                "--interviewer mangler: hvem intervjuer?",
                "--interviewer is missing: who interviews?",
            )
            .to_owned(),
        );
    }
    if args.persons.is_empty() {
        problems.push(format!(
            "{} {}",
            lang.pick(
                "--person mangler: gi minst én \"NAVN:ROLLE\". Tillatte roller:",
                "--person is missing: give at least one \"NAME:ROLE\". Allowed roles:"
            ),
            people::allowed_roles(&ctx.bank, lang)
        ));
    }
    let mut persons = Vec::new();
    for arg in &args.persons {
        match people::parse_person_arg(&ctx.bank, arg, lang) {
            Ok(p) => persons.push(p),
            Err(e) => problems.push(e),
        }
    }
    match (municipality, interviewer) {
        (Some(municipality), Some(interviewer)) if problems.is_empty() => {
            Ok(InterviewRequest::New {
                municipality,
                interviewer,
                people: persons,
            })
        }
        _ => Err(Failure { lines: problems }),
    }
}
