//! Making text from files safe to show.
//!
//! Names, notes and findings come from files that travel between laptops; a
//! control character or escape sequence in them must never reach a terminal
//! as a command (colour changes, OSC 52 clipboard writes, a bell, cursor moves).

/// Replaces every control character except newline and tab with a visible
/// stand-in: C0 controls by their Unicode "control picture" (ESC -> `␛`),
/// DEL and C1 controls by `�`.
pub fn multi_line(text: &str) -> String {
    if !text
        .chars()
        .any(|c| needs_escape(c) && c != '\n' && c != '\t')
    {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' {
                c
            } else {
                visible(c)
            }
        })
        .collect()
}

/// Like [`multi_line`], and newlines and tabs become spaces too.
pub fn one_line(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' || c == '\r' {
                ' '
            } else {
                visible(c)
            }
        })
        .collect()
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_override(c)
}

/// Bidirectional overrides can make text read differently from its bytes.
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn visible(c: char) -> char {
    match c as u32 {
        0x00..=0x1F => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        _ if needs_escape(c) => '\u{FFFD}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_neutralized() {
        let hostile = "Ola\x1b]52;c;ZXZpbA==\x07\x1b[2J\u{9b}31m";
        let safe = one_line(hostile);
        assert!(!safe.chars().any(|c| c.is_control()), "{safe:?}");
        assert_eq!(safe, "Ola␛]52;c;ZXZpbA==␇␛[2J�31m");
        assert_eq!(multi_line("a\nb\tc\r"), "a\nb\tc␍");
        assert_eq!(one_line("a\nb"), "a b");
        assert_eq!(one_line("Ærlig talt 🙂"), "Ærlig talt 🙂");
    }
}
