//! A text as a QR code, drawn by the app as one SVG path (the `qrcode` crate encodes; no
//! image library, no markup from text): dark modules on a light square with the four-module
//! quiet zone of ISO/IEC 18004, in both colour schemes, so any phone camera reads it.

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

/// The light border around the symbol, in modules (ISO/IEC 18004 §6.3.8: four).
const QUIET_ZONE: usize = 4;

/// The modules of `text`'s QR code (row by row, `true` = dark) and the symbol's width, at
/// error-correction level `level`; `None` when the text is too long for any QR version.
pub fn qr_modules(text: &str, level: EcLevel) -> Option<(Vec<bool>, usize)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), level).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((dark, code.width()))
}

/// The SVG path of the dark modules, one rectangle per horizontal run, offset by the quiet
/// zone (numbers only: nothing of the text itself reaches the markup).
pub fn qr_path(dark: &[bool], width: usize) -> String {
    let mut path = String::new();
    for (y, row) in dark.chunks(width.max(1)).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if !row[x] {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|d| **d).count();
            path.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                x + QUIET_ZONE,
                y + QUIET_ZONE
            ));
            x += run;
        }
    }
    path
}

/// `text` as a QR code; a text too long for one shows `too_long` instead.
#[component]
pub fn QrImage(
    /// What the code holds (a link or a response code).
    #[prop(into)]
    text: Signal<String>,
    /// What a screen reader says for the image.
    #[prop(into)]
    label: Signal<String>,
    /// Said instead of the image when the text does not fit in a QR code.
    #[prop(into)]
    too_long: Signal<String>,
    /// The `data-testid` of the image.
    testid: &'static str,
) -> impl IntoView {
    // M keeps a code readable with 15% of it smudged; a long link falls back to L (7%).
    let drawn = Memo::new(move |_| {
        text.with(|t| {
            qr_modules(t, EcLevel::M)
                .or_else(|| qr_modules(t, EcLevel::L))
                .map(|(dark, width)| (qr_path(&dark, width), width + 2 * QUIET_ZONE))
        })
    });
    move || match drawn.get() {
        Some((path, size)) => view! {
            <svg class="qr" data-testid=testid role="img" aria-label=move || label.get()
                viewBox=format!("0 0 {size} {size}") shape-rendering="crispEdges">
                <rect width=size height=size fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        }
        .into_any(),
        None => {
            view! { <p class="muted" data-testid=testid>{move || too_long.get()}</p> }.into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_dark_modules_become_rectangles_after_the_quiet_zone() {
        // (modules row by row, width, path)
        let cases: [(&[bool], usize, &str); 3] = [
            (&[true, true, false, true], 4, "M4 4h2v1h-2zM7 4h1v1h-1z"),
            (&[false, true, true, true], 2, "M5 4h1v1h-1zM4 5h2v1h-2z"),
            (&[false, false], 2, ""),
        ];
        for (dark, width, path) in cases {
            assert_eq!(qr_path(dark, width), path, "{dark:?}");
        }
    }

    #[test]
    fn a_response_code_fits_and_a_text_too_long_for_any_version_does_not() {
        // Version 1 at level M holds 14 bytes: a 21-module square (ISO/IEC 18004 table 7).
        let (dark, width) = qr_modules("CRM1.ABCDEFGH", EcLevel::M).unwrap();
        assert_eq!((width, dark.len()), (21, 21 * 21));
        // The three finder patterns: the top-left corner module is dark.
        assert!(dark[0]);
        // 100 characters (the SERVQUAL code's budget) fit at M.
        assert!(qr_modules(&"A".repeat(100), EcLevel::M).is_some());
        // Version 40 at L holds 2,953 bytes.
        assert!(qr_modules(&"a".repeat(2_953), EcLevel::L).is_some());
        assert!(qr_modules(&"a".repeat(2_954), EcLevel::L).is_none());
    }
}
