//! File-system-safe names for municipalities.

/// `"Midtre Gauldal"` -> `"midtre-gauldal"`, `"Bærum"` -> `"baerum"`.
/// Only ASCII letters, digits and single dashes survive, so the slug is a safe
/// directory name on every platform; an empty result becomes `"unnamed"`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match ch {
            'æ' => "ae",
            'ø' | 'ö' => "o",
            'å' | 'ä' | 'á' | 'à' => "a",
            'é' | 'è' | 'ê' => "e",
            'ü' => "u",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if mapped == "-" {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(mapped);
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "unnamed".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(slug("Midtre Gauldal"), "midtre-gauldal");
        assert_eq!(slug("Bærum kommune"), "baerum-kommune");
        assert_eq!(slug("Ås"), "as");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("  "), "unnamed");
        assert_eq!(slug("Tromsø / Romsa"), "tromso-romsa");
    }
}
