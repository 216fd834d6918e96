//! Compact text for localStorage: LZ4-compressed bytes packed 15 bits to a character.
//!
//! localStorage holds strings and counts its quota in UTF-16 code units, so the
//! compressed bytes are spread over characters U+0100..U+80FF: 15 bits each, never a
//! surrogate, a control character or anything JSON has to escape. Customers in their
//! binary form ([`super::sharded`]) take about a ninth of their JSON's characters this
//! way (see BENCHMARKS.md), which is what lets tens of thousands of customers fit.

/// First character of the packing alphabet; one character carries 15 bits.
const BASE: u32 = 0x100;
const BITS: u32 = 15;
/// Refuse to inflate anything claiming to be larger than this (a damaged header must not
/// make the app try to allocate gigabytes).
const MAX_TEXT_BYTES: usize = 256 << 20;

/// Why stored text could not be unpacked.
#[derive(Clone, Debug, PartialEq)]
pub struct UnpackError(pub String);

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "damaged compressed data: {}", self.0)
    }
}

/// Compresses text into packed characters.
pub fn compress(text: &str) -> String {
    compress_bytes(text.as_bytes())
}

/// Compresses bytes into packed characters.
pub fn compress_bytes(bytes: &[u8]) -> String {
    pack(&lz4_flex::block::compress_prepend_size(bytes))
}

/// Reverses [`compress`].
pub fn decompress(packed: &str) -> Result<String, UnpackError> {
    String::from_utf8(decompress_bytes(packed)?).map_err(|e| UnpackError(e.to_string()))
}

/// Reverses [`compress_bytes`].
pub fn decompress_bytes(packed: &str) -> Result<Vec<u8>, UnpackError> {
    let bytes = unpack(packed)?;
    let claimed = bytes
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| UnpackError("too short".into()))?;
    if claimed > MAX_TEXT_BYTES {
        return Err(UnpackError(format!("claims {claimed} bytes")));
    }
    lz4_flex::block::decompress_size_prepended(&bytes).map_err(|e| UnpackError(e.to_string()))
}

/// Packs bytes 15 bits to a character. The first character says how many bits of the
/// last one are used (1..=15), so the byte count is exact.
fn pack(bytes: &[u8]) -> String {
    let total_bits = bytes.len() as u64 * 8;
    let chars = total_bits.div_ceil(BITS as u64) as usize;
    let used_in_last = match total_bits % BITS as u64 {
        0 => BITS,
        rest => rest as u32,
    };
    let mut out = String::with_capacity((chars + 1) * 3);
    out.push(char_for(used_in_last));
    let (mut acc, mut held) = (0u32, 0u32);
    for &byte in bytes {
        acc = (acc << 8) | byte as u32;
        held += 8;
        if held >= BITS {
            held -= BITS;
            out.push(char_for((acc >> held) & 0x7fff));
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        out.push(char_for(acc << (BITS - held)));
    }
    out
}

fn char_for(value: u32) -> char {
    char::from_u32(BASE + value).expect("U+0100..U+80FF are characters")
}

fn unpack(packed: &str) -> Result<Vec<u8>, UnpackError> {
    // Start-up unpacks every shard, so this decodes the UTF-8 by hand: every valid
    // character is two or three bytes, and anything else is refused.
    let text = packed.as_bytes();
    let mut values = Utf8Values { text, at: 0 };
    let used_in_last = match values.next() {
        Some(v) => v?,
        None => return Err(UnpackError("empty".into())),
    };
    if !(1..=BITS).contains(&used_in_last) {
        return Err(UnpackError("bad length marker".into()));
    }
    let mut bytes = Vec::with_capacity(text.len() * BITS as usize / 8 / 2);
    let (mut acc, mut held, mut count) = (0u32, 0u32, 0u64);
    for value in values {
        acc = (acc << BITS) | value?;
        held += BITS;
        count += 1;
        while held >= 8 {
            held -= 8;
            bytes.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    let total_bits = match count {
        0 => 0,
        n => (n - 1) * BITS as u64 + used_in_last as u64,
    };
    if total_bits % 8 != 0 {
        return Err(UnpackError("truncated".into()));
    }
    // The last value's unused low bits are padding.
    bytes.truncate((total_bits / 8) as usize);
    Ok(bytes)
}

/// The packed values of a text, each a character's code point minus [`BASE`].
struct Utf8Values<'a> {
    text: &'a [u8],
    at: usize,
}

impl Iterator for Utf8Values<'_> {
    type Item = Result<u32, UnpackError>;

    fn next(&mut self) -> Option<Self::Item> {
        let t = self.text;
        let first = *t.get(self.at)?;
        // The text is valid UTF-8 (a `str`), so continuation bytes are there.
        let (code, len) = match first {
            0xC0..=0xDF => (
                (u32::from(first & 0x1F) << 6) | u32::from(t[self.at + 1] & 0x3F),
                2,
            ),
            0xE0..=0xEF => (
                (u32::from(first & 0x0F) << 12)
                    | (u32::from(t[self.at + 1] & 0x3F) << 6)
                    | u32::from(t[self.at + 2] & 0x3F),
                3,
            ),
            _ => {
                let c = packed_char_at(t, self.at);
                self.at = t.len();
                return Some(Err(unexpected(c)));
            }
        };
        self.at += len;
        Some(
            code.checked_sub(BASE)
                .filter(|v| *v < 1 << BITS)
                .ok_or_else(|| unexpected(code)),
        )
    }
}

/// The code point of the character starting at `at` (for an error message).
fn packed_char_at(text: &[u8], at: usize) -> u32 {
    std::str::from_utf8(&text[at..])
        .ok()
        .and_then(|s| s.chars().next())
        .map_or(0, |c| c as u32)
}

fn unexpected(code: u32) -> UnpackError {
    UnpackError(format!("unexpected character U+{code:04X}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn packing_round_trips_every_length_around_the_15_bit_boundary() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(unpack(&pack(&bytes)).unwrap(), bytes, "{len} bytes");
        }
    }

    #[test]
    fn packed_text_has_no_surrogates_controls_or_json_escapes() {
        let packed = compress(&"客户 \"quoted\" \\ back\n".repeat(50));
        assert!(packed
            .chars()
            .all(|c| (0x100..=0x80ff).contains(&(c as u32))));
        let json = serde_json::to_string(&packed).unwrap();
        assert_eq!(json.chars().count(), packed.chars().count() + 2);
    }

    #[test]
    fn repetitive_json_shrinks_several_times_in_utf16_units() {
        let text = r#"{"name":"王芳","email":"fang.wang@qq.com","stage":"stability"},"#.repeat(400);
        let packed = compress(&text);
        assert!(packed.encode_utf16().count() * 5 < text.encode_utf16().count());
    }

    #[test]
    fn damage_is_reported_not_panicked() {
        for bad in ["", "plain json {}", "\u{100}", "\u{10f}\u{8000}\u{8000}"] {
            assert!(decompress(bad).is_err(), "{bad:?}");
        }
        let mut packed: Vec<char> = compress("hello hello hello hello").chars().collect();
        packed.truncate(packed.len() - 2);
        assert!(decompress(&packed.into_iter().collect::<String>()).is_err());
    }

    #[test]
    fn a_huge_claimed_size_is_refused() {
        let mut bytes = lz4_flex::block::compress_prepend_size(b"abc");
        bytes[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decompress(&pack(&bytes)).is_err());
    }

    proptest! {
        #[test]
        fn compress_round_trips_any_text(text in any::<String>()) {
            prop_assert_eq!(decompress(&compress(&text)).unwrap(), text);
        }
    }
}
