//! What the XML formats (GraphML, GEXF) share: one escaping function for every attribute value
//! and text node, so any name or sentence gives well-formed XML.

/// Escapes `text` for XML, inside double-quoted attribute values and text nodes alike.
///
/// The five markup characters become entities. Tab, newline and carriage return become
/// character references, because parsers normalize them to spaces inside attribute values
/// (and `\r\n` to `\n` in text). Characters XML 1.0 forbids (C0 controls other than those
/// three, U+FFFE, U+FFFF) are dropped, and so are DEL and the C1 controls, which XML 1.0
/// discourages and XML 1.1 forbids as literals; they carry no meaning in names or sentences.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || (0x7F..0xA0).contains(&(c as u32)) => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_handles_every_awkward_character() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
        // Already-escaped text is escaped again: names are text, never markup.
        assert_eq!(escape("&amp; &#x1;"), "&amp;amp; &amp;#x1;");
        assert_eq!(escape("a\tb\nc\r\nd"), "a&#9;b&#10;c&#13;&#10;d");
        assert_eq!(
            escape("bell\u{7}null\u{0}esc\u{1b}us\u{1f}"),
            "bellnullescus"
        );
        assert_eq!(escape("del\u{7f}c1\u{85}\u{9f}"), "delc1");
        assert_eq!(escape("non\u{FFFE}char\u{FFFF}"), "nonchar");
        assert_eq!(
            escape("García “El Mayo” 🚀 \\ ]]>"),
            "García “El Mayo” 🚀 \\ ]]&gt;"
        );
        assert_eq!(escape(""), "");
    }
}
