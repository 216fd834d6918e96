//! Text typed with a Chinese (or Japanese) input method, read as the ASCII it stands for.

/// Full-width forms (U+FF01–U+FF5E: `（`, `０`, `，`, `．`, `－`, ...) become their ASCII
/// twins and the ideographic space (U+3000) a plain space, so `（010）８８８８-6666` and
/// `４５，５０` read as `(010)8888-6666` and `45,50`. The Unicode "Halfwidth and Fullwidth
/// Forms" block maps onto ASCII 0x21–0x7E by a fixed offset of 0xFEE0. The full-width
/// yuan sign `￥` (U+FFE5) becomes `¥`. Everything else is kept as typed.
pub fn to_half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{FFE5}' => '¥',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::to_half_width;

    #[test]
    fn full_width_forms_read_as_ascii() {
        let cases = [
            ("（010）8888-6666", "(010)8888-6666"),
            ("４５，５０", "45,50"),
            ("１２３．５０", "123.50"),
            ("ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ", "abc@example.com"),
            ("王\u{3000}芳", "王 芳"),
            ("￥９９", "¥99"),
            ("～！", "~!"),
            ("plain 1.5", "plain 1.5"),
            ("北京、上海。", "北京、上海。"),
        ];
        for (typed, read) in cases {
            assert_eq!(to_half_width(typed), read, "{typed:?}");
        }
    }
}
