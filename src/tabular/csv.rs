//! RFC 4180 CSV reading and writing, by hand to keep the wasm bundle small.
//!
//! Accepts CRLF, LF or lone CR line ends and an optional UTF-8 byte-order mark. Fields are
//! separated by commas, or by semicolons or tabs when the first line uses those instead
//! (European spreadsheets write `;`, copying from a spreadsheet gives tabs). The writer
//! neutralises spreadsheet formula injection (OWASP "CSV Injection": cells starting with
//! `= + - @`, tab or CR get a leading `'`), and the reader undoes exactly that, so
//! `parse_csv(&write_csv(t)) == t` for every table whose rows have at least one cell.
//! A phone number written `+44 20 7946 0000` (a `+` then only digits and spaces) is not a
//! formula and is written as it is, so spreadsheets show no stray apostrophe.

/// Why a CSV text could not be read, with the 1-based physical line where it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub kind: CsvErrorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvErrorKind {
    /// A quoted field is still open at the end of the text (`line` is where it opened).
    UnterminatedQuote,
    /// A `"` inside an unquoted field, as in `ab"c`.
    QuoteInUnquotedField,
    /// Text after a closing quote, as in `"ab"c`.
    TextAfterClosingQuote,
}

impl CsvErrorKind {
    /// Stable snake_case id for i18n lookups.
    pub fn key(self) -> &'static str {
        match self {
            CsvErrorKind::UnterminatedQuote => "unterminated_quote",
            CsvErrorKind::QuoteInUnquotedField => "quote_in_unquoted_field",
            CsvErrorKind::TextAfterClosingQuote => "text_after_closing_quote",
        }
    }
}

const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Reads every record, with the separator the first line uses ([`detect_delimiter`]). A
/// trailing line end does not start an empty record.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_with(text, detect_delimiter(text))
}

/// The field separator of `text`: whichever of `,` `;` and tab occurs most often in its
/// first line outside quotes; a comma when none does or on a tie with it.
pub fn detect_delimiter(text: &str) -> char {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\r' | '\n' if !in_quotes => break,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let best = [(counts[0], ','), (counts[1], ';'), (counts[2], '\t')]
        .into_iter()
        .fold(
            (0, ','),
            |best, this| if this.0 > best.0 { this } else { best },
        );
    best.1
}

fn parse_with(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, CsvError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    // Set after a quoted field so that `""` counts as a field even though it is empty.
    let mut quoted = false;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    let error = |line, kind| Err(CsvError { line, kind });
    while let Some(c) = chars.next() {
        match c {
            '"' if field.is_empty() && !quoted => {
                let opened_on = line;
                loop {
                    match chars.next() {
                        None => return error(opened_on, CsvErrorKind::UnterminatedQuote),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(inner) => {
                            if inner == '\n' || (inner == '\r' && chars.peek() != Some(&'\n')) {
                                line += 1;
                            }
                            field.push(inner);
                        }
                    }
                }
                if !matches!(chars.peek(), None | Some('\r' | '\n'))
                    && chars.peek() != Some(&delimiter)
                {
                    return error(line, CsvErrorKind::TextAfterClosingQuote);
                }
                quoted = true;
            }
            '"' => return error(line, CsvErrorKind::QuoteInUnquotedField),
            c if c == delimiter => {
                record.push(unescape_formula(std::mem::take(&mut field)));
                quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                record.push(unescape_formula(std::mem::take(&mut field)));
                records.push(std::mem::take(&mut record));
                quoted = false;
            }
            _ => field.push(c),
        }
    }
    if quoted || !field.is_empty() || !record.is_empty() {
        record.push(unescape_formula(field));
        records.push(record);
    }
    Ok(records)
}

/// Writes records with CRLF line ends, quoting only where needed. The text starts with a
/// byte-order mark: Excel needs it to read UTF-8 (Chinese) correctly, and it makes the
/// reader's BOM stripping exact even when the first cell itself starts with U+FEFF.
pub fn write_csv<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R]) -> String {
    let mut out = String::from('\u{feff}');
    for row in rows {
        let cells = row.as_ref();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_cell(&mut out, &escape_formula(cell.as_ref()));
        }
        // A lone empty cell would otherwise be a blank line; quoting keeps it visible.
        if let [only] = cells {
            if only.as_ref().is_empty() {
                out.push_str("\"\"");
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Semicolons and tabs are quoted too, so the reader never takes them for the separator.
fn write_cell(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\r', '\n', ';', '\t']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// True when `cell` is some apostrophes (possibly none) followed by a formula trigger.
fn looks_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_TRIGGERS)
}

/// A phone number as people write it: `+` followed only by digits and spaces, at least
/// one digit. Spreadsheets read it as a number at worst, never as a formula.
fn is_phone(cell: &str) -> bool {
    cell.strip_prefix('+').is_some_and(|number| {
        number.chars().any(|c| c.is_ascii_digit())
            && number.chars().all(|c| c.is_ascii_digit() || c == ' ')
    })
}

/// One extra `'` before any cell matching `'*[trigger]`, so the reader can strip exactly one.
/// A phone number is left as it is; the reader still strips the `'` that earlier builds
/// put before one.
fn escape_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(cell) && !is_phone(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn unescape_formula(cell: String) -> String {
    if cell.starts_with('\'') && looks_like_formula(&cell) {
        cell[1..].to_string()
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, expected: Result<&[&[&str]], CsvError>) {
        let expected = expected.map(|rows| {
            rows.iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        });
        assert_eq!(parse_csv(text), expected, "{text:?}");
    }

    #[test]
    fn reads_rfc_4180_cases() {
        let err = |line, kind| Err(CsvError { line, kind });
        use CsvErrorKind::*;
        type Case = (
            &'static str,
            Result<&'static [&'static [&'static str]], CsvError>,
        );
        let cases: &[Case] = &[
            ("", Ok(&[])),
            ("a,b\r\nc,d\r\n", Ok(&[&["a", "b"], &["c", "d"]])),
            ("a,b\nc,d", Ok(&[&["a", "b"], &["c", "d"]])),
            ("a\rb\r", Ok(&[&["a"], &["b"]])),
            (
                "\u{feff}姓名,电话\n王芳,138 0013 8000\n",
                Ok(&[&["姓名", "电话"], &["王芳", "138 0013 8000"]]),
            ),
            (
                "\"a,b\",\"say \"\"hi\"\"\"\n",
                Ok(&[&["a,b", "say \"hi\""]]),
            ),
            ("\"line1\r\nline2\",x\n", Ok(&[&["line1\r\nline2", "x"]])),
            ("\"\"\n", Ok(&[&[""]])),
            (",\n", Ok(&[&["", ""]])),
            ("a,\"\"", Ok(&[&["a", ""]])),
            ("a\n\nb\n", Ok(&[&["a"], &[""], &["b"]])),
            (
                "'=1+1,'+86 10,''@x,'plain\n",
                Ok(&[&["=1+1", "+86 10", "'@x", "'plain"]]),
            ),
            // Semicolons (European spreadsheets) and tabs (pasted cells) when the first
            // line uses them more than commas.
            (
                "a;b;c\n1,5;2;3\n",
                Ok(&[&["a", "b", "c"], &["1,5", "2", "3"]]),
            ),
            ("a\tb\nx y\t\"q;r\"\n", Ok(&[&["a", "b"], &["x y", "q;r"]])),
            ("\"x;y\",b\n", Ok(&[&["x;y", "b"]])),
            ("a;b,c\n", Ok(&[&["a;b", "c"]])),
            ("a,\"open\nstill open", err(1, UnterminatedQuote)),
            ("ok\n\"x\"\"y\nz\n", err(2, UnterminatedQuote)),
            ("a,b\nc,d\"e\n", err(2, QuoteInUnquotedField)),
            ("\"multi\nline\"x,y\n", err(2, TextAfterClosingQuote)),
        ];
        for (text, expected) in cases {
            check(text, *expected);
        }
    }

    #[test]
    fn writer_quotes_and_neutralises_formulas() {
        let cases: &[(&[&str], &str)] = &[
            (&["a", "b"], "a,b\r\n"),
            (&["a,b", "q\"q"], "\"a,b\",\"q\"\"q\"\r\n"),
            (&["多行\n文本"], "\"多行\n文本\"\r\n"),
            (
                &["=SUM(A1)", "+8=6", "-5", "@x", "\tx"],
                "'=SUM(A1),'+8=6,'-5,'@x,\"'\tx\"\r\n",
            ),
            // Phone numbers are not formulas; one typed after an apostrophe keeps it.
            (
                &["+44 20 7946 0000", "+86", "'+86 10", "+", "+ "],
                "+44 20 7946 0000,+86,''+86 10,'+,'+ \r\n",
            ),
            (&["'=x", "it's"], "''=x,it's\r\n"),
            (&["\r\n"], "\"'\r\n\"\r\n"),
            (&[""], "\"\"\r\n"),
            (&["", ""], ",\r\n"),
        ];
        for (row, text) in cases {
            assert_eq!(write_csv(&[row]), format!("\u{feff}{text}"), "{row:?}");
        }
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z,\"' =+@\\-\t\r\n]{0,8}",
            "[王芳北京公司、；]{0,4}",
            any::<String>(),
            Just("\u{feff}=x".to_string()),
        ]
    }

    proptest! {
        #[test]
        fn write_then_read_is_identity(
            table in prop::collection::vec(prop::collection::vec(cell(), 1..5), 0..6)
        ) {
            let text = write_csv(&table);
            prop_assert_eq!(parse_csv(&text), Ok(table));
        }
    }
}
