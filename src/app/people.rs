//! Interviewees as typed: `--person "NAME:ROLE"` and the new-interview form.

use crate::core::bank::Bank;
use crate::core::lang::Lang;
use crate::core::session::Person;

/// The allowed roles, for messages: `mayor (Ordfører / formannskap), ...`.
pub fn allowed_roles(bank: &Bank, lang: Lang) -> String {
    bank.role_ids()
        .iter()
        .map(|id| format!("{id} ({})", bank.role_label(id, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The role meant by `text`: an id (`mayor`), or, ignoring case, a label or
/// the unique start of an id or label (`ordfører`, `kommunal`).
pub fn resolve_role(bank: &Bank, text: &str, lang: Lang) -> Result<String, String> {
    let wanted = text.trim().to_lowercase();
    if wanted.is_empty() {
        return Err(format!(
            "{} {}",
            lang.pick(
                "Rollen mangler. Tillatte roller:",
                "The role is missing. Allowed roles:"
            ),
            allowed_roles(bank, lang)
        ));
    }
    let roles = &bank.file.roles;
    let names = |r: &crate::core::bank::Role| {
        let mut n = vec![r.id.to_lowercase()];
        n.extend(r.label.0.values().map(|l| l.to_lowercase()));
        n
    };
    if let Some(r) = roles.iter().find(|r| names(r).contains(&wanted)) {
        return Ok(r.id.clone());
    }
    let matches: Vec<&str> = roles
        .iter()
        .filter(|r| names(r).iter().any(|n| n.starts_with(&wanted)))
        .map(|r| r.id.as_str())
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).to_owned()),
        [] => Err(format!(
            "{} «{}». {} {}",
            lang.pick("Ukjent rolle", "Unknown role"),
            text.trim(),
            lang.pick("Tillatte roller:", "Allowed roles:"),
            allowed_roles(bank, lang)
        )),
        many => Err(format!(
            "{} «{}»: {}",
            lang.pick("Flere roller passer til", "Several roles match"),
            text.trim(),
            many.join(", ")
        )),
    }
}

/// Checks one interviewee given as name and role text.
pub fn person(bank: &Bank, name: &str, role: &str, lang: Lang) -> Result<Person, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(lang
            .pick("Navnet mangler.", "The name is missing.")
            .to_owned());
    }
    Ok(Person {
        name: name.to_owned(),
        role: resolve_role(bank, role, lang)?,
    })
}

/// Parses `"NAME:ROLE"`, split at the last colon so names may hold colons.
pub fn parse_person_arg(bank: &Bank, arg: &str, lang: Lang) -> Result<Person, String> {
    let Some((name, role)) = arg.rsplit_once(':') else {
        return Err(format!(
            "--person \"{arg}\": {} {}",
            lang.pick(
                "skriv NAVN:ROLLE, for eksempel \"Ola Nordmann:mayor\". Tillatte roller:",
                "write NAME:ROLE, for example \"Ola Nordmann:mayor\". Allowed roles:"
            ),
            allowed_roles(bank, lang)
        ));
    };
    person(bank, name, role, lang).map_err(|e| format!("--person \"{arg}\": {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_by_id_label_or_unique_prefix() {
        let bank = Bank::builtin();
        assert_eq!(resolve_role(&bank, "mayor", Lang::En).unwrap(), "mayor");
        assert_eq!(resolve_role(&bank, "ORDFØRER", Lang::Nb).unwrap(), "mayor");
        assert_eq!(
            resolve_role(&bank, "hovedtil", Lang::Nb).unwrap(),
            "union_rep"
        );
        let e = resolve_role(&bank, "pope", Lang::En).unwrap_err();
        assert!(
            e.contains("Unknown role «pope»") && e.contains("union_rep"),
            "{e}"
        );
        let e = resolve_role(&bank, "s", Lang::En).unwrap_err();
        assert!(e.contains("Several roles match"), "{e}");
    }

    #[test]
    fn person_arguments_split_at_the_last_colon() {
        let bank = Bank::builtin();
        let p = parse_person_arg(&bank, "Dr. A: Berg:mayor", Lang::En).unwrap();
        assert_eq!((p.name.as_str(), p.role.as_str()), ("Dr. A: Berg", "mayor"));
        let e = parse_person_arg(&bank, "Ola", Lang::En).unwrap_err();
        assert!(e.contains("NAME:ROLE") && e.contains("mayor (Mayor"), "{e}");
        let e = parse_person_arg(&bank, " :mayor", Lang::Nb).unwrap_err();
        assert!(e.contains("Navnet mangler"), "{e}");
        let e = parse_person_arg(&bank, "Ola:pope", Lang::En).unwrap_err();
        assert!(e.starts_with("--person \"Ola:pope\": Unknown role"), "{e}");
    }
}
