//! Making text safe for each output syntax. The model has already replaced
//! control characters ([`super::model::clean`]); these functions keep text
//! from being read as markup, styles or formulas.

/// Escapes text for HTML element content and quoted attribute values.
pub fn html(text: &str) -> String {
    markup(text, "&#39;", |_| true)
}

/// Text for XML element content and quoted attributes (the PowerPoint and
/// Word parts): markup escaped, and a character XML 1.0 cannot hold at all
/// (a control character the model missed, U+FFFE, U+FFFF) becomes U+FFFD,
/// so no text can make a part unreadable.
pub fn xml(text: &str) -> String {
    markup(text, "&apos;", xml_char)
}

/// The markup characters escaped (the apostrophe as `apostrophe`: HTML 4
/// readers know no `&apos;`), every character `allowed` rejects as U+FFFD.
fn markup(text: &str, apostrophe: &str, allowed: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apostrophe),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{fffd}'),
        }
    }
    out
}

/// Whether XML 1.0 allows the character (its `Char` production).
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// A double-quoted CSS string: everything but letters, digits, spaces and
/// a few harmless marks is written as a hex escape, so nothing can end the
/// string, the rule or the `<style>` element.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-' | '(' | ')' | ':' | '/') {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// A spreadsheet cell (CSV or XLSX) that a spreadsheet program will not
/// run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading apostrophe.
pub fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// Text in the middle of a Markdown line (after a label): characters that
/// start inline markup or HTML are backslash-escaped and `|` cannot end a
/// table cell.
pub fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text that may begin a Markdown paragraph, list item or table cell: as
/// [`markdown_inline`], and a leading block marker (`# `, `- `, `+ `, `1. `,
/// `---`) stays text.
pub fn markdown(text: &str) -> String {
    let mut out = markdown_inline(text);
    let ends_marker = |rest: &str| rest.is_empty() || rest.starts_with(char::is_whitespace);
    let first = out.chars().next();
    let block = match first {
        Some('#') => true,
        Some(c @ ('-' | '+' | '=' | '~')) => ends_marker(&out[1..]) || out.chars().all(|x| x == c),
        _ => false,
    };
    if block {
        out.insert(0, '\\');
    }
    // "1. text" or "1) text" would start an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) && ends_marker(&out[digits + 1..]) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_shows_markup_as_text() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn css_strings_cannot_break_out() {
        let s = css_string("Ø\"; } </style><script>");
        assert!(s.starts_with("\"Ø\\22 "), "{s}");
        assert!(
            !s[1..s.len() - 1].contains(['"', '<', '>', ';', '}']),
            "{s}"
        );
    }

    #[test]
    fn formulas_are_neutralized() {
        for hostile in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(cell(hostile).starts_with('\''), "{hostile}");
        }
        assert_eq!(cell("Gode nettsider"), "Gode nettsider");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn markdown_cells_stay_text() {
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(markdown("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(markdown("# Overskrift"), "\\# Overskrift");
        assert_eq!(markdown("- punkt"), "\\- punkt");
        assert_eq!(markdown("12. mai"), "12\\. mai");
        assert_eq!(markdown("---"), "\\---");
        assert_eq!(markdown("+40"), "+40");
        assert_eq!(markdown("1.1"), "1.1");
        assert_eq!(markdown_inline("2. mai <b>"), "2. mai \\<b\\>");
        assert_eq!(markdown("[lenke](http://x)"), "\\[lenke\\](http://x)");
        assert_eq!(
            markdown("Vanlig tekst, 3,5 poeng"),
            "Vanlig tekst, 3,5 poeng"
        );
    }
}
