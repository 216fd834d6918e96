//! Collecting answers without a server: a survey travels in a link's URL fragment and
//! the answers come back as a short response code, both checked by a CRC-32 so a
//! mistyped or truncated one is refused clearly.
//!
//! Link: `s1.` + base64url(lz4(serde_json(invitation)) + CRC-32). A link to an
//! unchanged built-in template carries only the template's number and version.
//!
//! Response code: `CRM1.` + base64url(header + answers + CRC-32). The answers are packed
//! bit by bit in the order of the survey's answer layout (a 7-point answer takes 3
//! bits, a skipped one the value 0), so the 44 answers of SERVQUAL fit in about 40
//! characters, where JSON, even compressed, would take several hundred. A layout is
//! therefore needed to read a code: the current survey's, or an earlier version's kept
//! by the caller (see [`Layout`]); answers to questions that changed since are reported,
//! never guessed.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::{Answer, Answers, DualAnswer, QuestionKind, Survey, TemplateId};
use super::templates::{is_unchanged_template, template, TEMPLATE_VERSION};

// ---------------------------------------------------------------------------------------
// base64url without padding (RFC 4648 §5), strict: a non-zero unused bit is refused, so
// every change of a character changes the bytes.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` as base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|a| *a == c).map(|p| p as u32)
}

/// The bytes of base64url text without padding; `None` for any other character, an
/// impossible length or non-zero unused bits.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= sextet(*c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let kept = chunk.len() - 1;
        if bytes[kept..].iter().any(|b| *b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..kept]);
    }
    Some(out)
}

fn is_base64url(text: &str) -> bool {
    text.bytes().all(|b| ALPHABET.contains(&b))
}

/// CRC-32 (IEEE 802.3, as in zip and PNG): detects every error burst up to 32 bits, so
/// every single changed character of a base64 code.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                crc >> 1 ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn with_checksum(mut bytes: Vec<u8>) -> Vec<u8> {
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    bytes
}

/// The bytes before a valid checksum, or `None`.
fn checked(bytes: &[u8]) -> Option<&[u8]> {
    let split = bytes.len().checked_sub(4)?;
    let (body, crc) = bytes.split_at(split);
    (crc32(body).to_be_bytes() == crc).then_some(body)
}

// ---------------------------------------------------------------------------------------
// Links

/// What a link's fragment starts with.
pub const LINK_PREFIX: &str = "s1.";

/// The most a link may unpack to: far above any real survey, far below what would
/// freeze a phone.
pub const MAX_LINK_BYTES: usize = 1 << 20;

/// The survey a link carries: in full, or as an unchanged built-in template.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum SharedSurvey {
    Template {
        template: TemplateId,
        template_version: u32,
        survey_id: u64,
        survey_version: u32,
    },
    Full(Survey),
}

/// What a share link carries: the survey and, for a personal link, an opaque token
/// that links the response to a customer (never their name or contacts).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Invitation {
    pub survey: SharedSurvey,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<u64>,
}

/// Why a link cannot be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a survey link at all (no `s1.` or characters a link never has).
    NotALink,
    /// The checksum does not match: a character was changed or the link was cut short.
    Damaged,
    /// The checksum matches but the content cannot be read (made by a newer app?).
    Unreadable,
    /// The link names a template version this app does not have.
    UnknownTemplate,
}

impl Invitation {
    /// An invitation to `survey`, carrying only the template's id when it is unchanged.
    pub fn to(survey: &Survey, token: Option<u64>) -> Invitation {
        let shared = match survey.template {
            Some(origin) if is_unchanged_template(survey) => SharedSurvey::Template {
                template: origin.id,
                template_version: origin.version,
                survey_id: survey.id,
                survey_version: survey.version,
            },
            _ => SharedSurvey::Full(survey.clone()),
        };
        Invitation {
            survey: shared,
            token,
        }
    }

    /// The survey to answer.
    pub fn survey(&self) -> Result<Survey, LinkError> {
        match &self.survey {
            SharedSurvey::Full(survey) => Ok(survey.clone()),
            SharedSurvey::Template {
                template: id,
                template_version,
                survey_id,
                survey_version,
            } => {
                if *template_version != TEMPLATE_VERSION {
                    return Err(LinkError::UnknownTemplate);
                }
                let mut survey = template(*id, *survey_id);
                survey.version = *survey_version;
                Ok(survey)
            }
        }
    }
}

/// The JSON of a built-in template, the dictionary a link to a survey made from it is
/// compressed against: an edited SERVQUAL then costs little more than its edits.
fn template_dictionary(id: TemplateId) -> Vec<u8> {
    serde_json::to_vec(&template(id, 0)).expect("a template always serialises")
}

/// The link fragment (without `#`) for `invitation`.
///
/// Bytes: [template number, template version] (0, 0 without a dictionary), then
/// lz4 with the size prepended, then the CRC-32 of all before it.
pub fn encode_link(invitation: &Invitation) -> String {
    let json = serde_json::to_vec(invitation).expect("an invitation always serialises");
    let origin = match &invitation.survey {
        SharedSurvey::Full(survey) => survey.template.filter(|o| o.version == TEMPLATE_VERSION),
        SharedSurvey::Template { .. } => None,
    };
    let version = u8::try_from(TEMPLATE_VERSION).unwrap_or(0);
    let mut bytes = match origin {
        Some(origin) if version > 0 => vec![origin.id.number(), version],
        _ => vec![0, 0],
    };
    match origin {
        Some(origin) if version > 0 => {
            bytes.extend(lz4_flex::block::compress_prepend_size_with_dict(
                &json,
                &template_dictionary(origin.id),
            ))
        }
        _ => bytes.extend(lz4_flex::compress_prepend_size(&json)),
    }
    format!("{LINK_PREFIX}{}", base64url_encode(&with_checksum(bytes)))
}

/// The invitation in a link fragment (a leading `#` and surrounding spaces are fine).
pub fn decode_link(fragment: &str) -> Result<Invitation, LinkError> {
    let fragment = fragment.trim().trim_start_matches('#');
    let body = fragment
        .strip_prefix(LINK_PREFIX)
        .ok_or(LinkError::NotALink)?;
    if body.is_empty() || !is_base64url(body) {
        return Err(LinkError::NotALink);
    }
    let bytes = base64url_decode(body).ok_or(LinkError::Damaged)?;
    let checked = checked(&bytes).ok_or(LinkError::Damaged)?;
    let (&[number, version], packed) = checked.split_at_checked(2).ok_or(LinkError::Unreadable)?
    else {
        return Err(LinkError::Unreadable);
    };
    let size = packed
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or(LinkError::Unreadable)?;
    if size > MAX_LINK_BYTES {
        return Err(LinkError::Unreadable);
    }
    let json = if number == 0 {
        lz4_flex::decompress_size_prepended(packed)
    } else {
        let id = TemplateId::from_number(number).ok_or(LinkError::UnknownTemplate)?;
        if u32::from(version) != TEMPLATE_VERSION {
            return Err(LinkError::UnknownTemplate);
        }
        lz4_flex::block::decompress_size_prepended_with_dict(packed, &template_dictionary(id))
    }
    .map_err(|_| LinkError::Unreadable)?;
    // Through a `Value`, as storage reads documents: one deserializer for the survey types
    // instead of two keeps the wasm smaller.
    let value: serde_json::Value =
        serde_json::from_slice(&json).map_err(|_| LinkError::Unreadable)?;
    serde_json::from_value(value).map_err(|_| LinkError::Unreadable)
}

// ---------------------------------------------------------------------------------------
// Answer layouts

/// The answer shape of one question: what a response code packs, and what must stay
/// the same for an old code's answer to be taken.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    Single { choices: Vec<String> },
    Multiple { choices: Vec<String> },
    Scale { min: u8, max: u8 },
    Matrix { rows: Vec<String>, min: u8, max: u8 },
    Dual { rows: Vec<String>, min: u8, max: u8 },
    Split { items: Vec<String>, total: u32 },
    Text,
    Number,
    Date,
}

impl Shape {
    pub fn of(kind: &QuestionKind) -> Shape {
        let codes = |rows: &[super::model::Row]| rows.iter().map(|r| r.code.clone()).collect();
        let choices = || kind.choices().iter().map(|c| c.code.clone()).collect();
        let scale = kind
            .scale()
            .unwrap_or(super::model::Scale { min: 0, max: 0 });
        let (min, max) = (scale.min, scale.max);
        match kind {
            QuestionKind::SingleChoice { .. } => Shape::Single { choices: choices() },
            QuestionKind::MultipleChoice { .. } => Shape::Multiple { choices: choices() },
            QuestionKind::LikertMatrix { rows, .. } => Shape::Matrix {
                rows: codes(rows),
                min,
                max,
            },
            QuestionKind::DualMatrix { rows, .. } => Shape::Dual {
                rows: codes(rows),
                min,
                max,
            },
            QuestionKind::ConstantSum { items, total } => Shape::Split {
                items: codes(items),
                total: *total,
            },
            QuestionKind::ShortText | QuestionKind::LongText => Shape::Text,
            QuestionKind::Number { .. } => Shape::Number,
            QuestionKind::Date => Shape::Date,
            _ => Shape::Scale { min, max },
        }
    }
}

/// The answer layout of one version of a survey. Storage keeps the layout of every
/// version that was shared, so codes answered before an edit can still be read.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Layout {
    pub survey_id: u64,
    pub version: u32,
    pub questions: Vec<(String, Shape)>,
}

impl Layout {
    pub fn of(survey: &Survey) -> Layout {
        Layout {
            survey_id: survey.id,
            version: survey.version,
            questions: survey
                .questions()
                .map(|q| (q.code.clone(), Shape::of(&q.kind)))
                .collect(),
        }
    }

    /// Whether an edit changed what answers look like, so the version must be raised.
    pub fn differs_from(&self, survey: &Survey) -> bool {
        self.questions != Layout::of(survey).questions
    }
}

// ---------------------------------------------------------------------------------------
// Bits

#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: usize,
}

impl Bits {
    fn put(&mut self, value: u64, width: u32) {
        for i in (0..width).rev() {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if value >> i & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.used % 8);
            }
            self.used += 1;
        }
    }

    /// A number of any size, 7 bits at a time (LEB128 in the bit stream).
    fn put_varint(&mut self, mut value: u64) {
        loop {
            let more = value >= 0x80;
            self.put(value & 0x7F | if more { 0x80 } else { 0 }, 8);
            value >>= 7;
            if !more {
                break;
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn get(&mut self, width: u32) -> Option<u64> {
        let mut value = 0u64;
        for _ in 0..width {
            let byte = *self.bytes.get(self.at / 8)?;
            value = value << 1 | u64::from(byte >> (7 - self.at % 8) & 1);
            self.at += 1;
        }
        Some(value)
    }

    fn get_varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let group = self.get(8)?;
            value |= (group & 0x7F) << shift;
            if group & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// True when only zero padding is left.
    fn at_end(&self) -> bool {
        let left = self.bytes.len() * 8 - self.at.min(self.bytes.len() * 8);
        left < 8
            && (0..left).all(|i| {
                let bit = self.at + i;
                self.bytes[bit / 8] >> (7 - bit % 8) & 1 == 0
            })
    }
}

/// Bits needed for the values 0..=max.
fn width(max: u64) -> u32 {
    64 - max.leading_zeros()
}

// ---------------------------------------------------------------------------------------
// Response codes

/// What a response code starts with.
pub const RESPONSE_PREFIX: &str = "CRM1.";

/// What a code says before its answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeHeader {
    pub survey_id: u64,
    pub survey_version: u32,
    /// The personal link's token, if the survey came by one.
    pub token: Option<u64>,
}

/// Why a response code cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Not a response code (no `CRM1.` or characters a code never has).
    NotACode,
    /// The checksum does not match: a mistyped character, or the code was cut short.
    Damaged,
    /// The code answers another survey.
    OtherSurvey { survey_id: u64 },
    /// The code answers a version of this survey whose layout is not kept.
    UnknownVersion { version: u32 },
    /// The checksum matches but the answers do not fit the layout (made by another app
    /// version?).
    Unreadable,
    /// Encoding: an answer that does not fit its question (validate the response first).
    AnswerDoesNotFit { code: String },
}

/// The response code for `answers` to `survey`, with the token of a personal link.
pub fn encode_response_code(
    survey: &Survey,
    answers: &Answers,
    token: Option<u64>,
) -> Result<String, CodeError> {
    let layout = Layout::of(survey);
    let mut bits = Bits::default();
    bits.put_varint(survey.id);
    bits.put_varint(u64::from(survey.version));
    // 0 is "no token", so a token is written plus one (u64::MAX has no room and is refused).
    let token = match token {
        None => 0,
        Some(t) => t
            .checked_add(1)
            .ok_or_else(|| CodeError::AnswerDoesNotFit {
                code: "token".to_owned(),
            })?,
    };
    bits.put_varint(token);
    for (code, shape) in &layout.questions {
        put_answer(&mut bits, shape, answers.get(code))
            .ok_or_else(|| CodeError::AnswerDoesNotFit { code: code.clone() })?;
    }
    Ok(format!(
        "{RESPONSE_PREFIX}{}",
        base64url_encode(&with_checksum(bits.bytes))
    ))
}

fn put_scale(bits: &mut Bits, value: Option<u8>, min: u8, max: u8) -> Option<()> {
    let w = width(u64::from(max - min) + 1);
    match value {
        None => bits.put(0, w),
        Some(v) if (min..=max).contains(&v) => bits.put(u64::from(v - min) + 1, w),
        Some(_) => return None,
    }
    Some(())
}

fn put_answer(bits: &mut Bits, shape: &Shape, answer: Option<&Answer>) -> Option<()> {
    let index = |choices: &[String], c: &String| choices.iter().position(|x| x == c);
    match (shape, answer) {
        (Shape::Single { choices }, None) => bits.put(0, width(choices.len() as u64)),
        (Shape::Single { choices }, Some(Answer::Choice(c))) => {
            bits.put(index(choices, c)? as u64 + 1, width(choices.len() as u64))
        }
        (Shape::Multiple { .. }, None) => bits.put(0, 1),
        (Shape::Multiple { choices }, Some(Answer::Choices(picked))) => {
            bits.put(1, 1);
            let positions = picked
                .iter()
                .map(|c| index(choices, c))
                .collect::<Option<BTreeSet<usize>>>()?;
            if positions.len() != picked.len() {
                return None;
            }
            for i in 0..choices.len() {
                bits.put(u64::from(positions.contains(&i)), 1);
            }
        }
        (Shape::Scale { min, max }, None) => put_scale(bits, None, *min, *max)?,
        (Shape::Scale { min, max }, Some(Answer::Scale(v))) => {
            put_scale(bits, Some(*v), *min, *max)?
        }
        (Shape::Matrix { rows, min, max }, answer) => {
            let given = match answer {
                None => None,
                Some(Answer::Matrix(given)) => Some(given),
                Some(_) => return None,
            };
            if given.is_some_and(|g| g.keys().any(|k| !rows.contains(k))) {
                return None;
            }
            for row in rows {
                put_scale(bits, given.and_then(|g| g.get(row).copied()), *min, *max)?;
            }
        }
        (Shape::Dual { rows, min, max }, answer) => {
            let given = match answer {
                None => None,
                Some(Answer::Dual(given)) => Some(given),
                Some(_) => return None,
            };
            if given.is_some_and(|g| g.keys().any(|k| !rows.contains(k))) {
                return None;
            }
            for row in rows {
                let dual = given.and_then(|g| g.get(row)).copied().unwrap_or_default();
                put_scale(bits, dual.first, *min, *max)?;
                put_scale(bits, dual.second, *min, *max)?;
            }
        }
        (Shape::Split { .. }, None) => bits.put(0, 1),
        (Shape::Split { items, total }, Some(Answer::Split(points))) => {
            if points.keys().any(|k| !items.contains(k)) {
                return None;
            }
            bits.put(1, 1);
            for item in items {
                let v = points.get(item).copied().unwrap_or(0);
                if v > *total {
                    return None;
                }
                bits.put(u64::from(v), width(u64::from(*total)));
            }
        }
        (Shape::Text | Shape::Number | Shape::Date, None) => bits.put(0, 1),
        (Shape::Text, Some(Answer::Text(text))) => {
            bits.put(1, 1);
            bits.put_varint(text.len() as u64);
            for byte in text.bytes() {
                bits.put(u64::from(byte), 8);
            }
        }
        (Shape::Number, Some(Answer::Number(v))) => {
            bits.put(1, 1);
            bits.put(v.to_bits(), 64);
        }
        (Shape::Date, Some(Answer::Date(d))) => {
            bits.put(1, 1);
            bits.put(u64::from(d.num_days_from_ce() as u32), 32);
        }
        _ => return None,
    }
    Some(())
}

fn code_bytes(code: &str) -> Result<Vec<u8>, CodeError> {
    let body = code
        .trim()
        .strip_prefix(RESPONSE_PREFIX)
        .ok_or(CodeError::NotACode)?;
    if body.is_empty() || !is_base64url(body) {
        return Err(CodeError::NotACode);
    }
    // Only code characters, but not a whole code: cut short or mistyped.
    let bytes = base64url_decode(body).ok_or(CodeError::Damaged)?;
    let body = checked(&bytes).ok_or(CodeError::Damaged)?;
    Ok(body.to_vec())
}

fn read_header(reader: &mut Reader) -> Option<CodeHeader> {
    let survey_id = reader.get_varint()?;
    let survey_version = u32::try_from(reader.get_varint()?).ok()?;
    let token = reader.get_varint()?.checked_sub(1);
    Some(CodeHeader {
        survey_id,
        survey_version,
        token,
    })
}

/// The header of a code (which survey and version it answers), its checksum checked.
pub fn read_code_header(code: &str) -> Result<CodeHeader, CodeError> {
    let bytes = code_bytes(code)?;
    read_header(&mut Reader {
        bytes: &bytes,
        at: 0,
    })
    .ok_or(CodeError::Unreadable)
}

fn get_scale(reader: &mut Reader, min: u8, max: u8) -> Option<Option<u8>> {
    let raw = reader.get(width(u64::from(max - min) + 1))?;
    match raw {
        0 => Some(None),
        v if v <= u64::from(max - min) + 1 => Some(Some(min + (v - 1) as u8)),
        _ => None,
    }
}

fn get_answer(reader: &mut Reader, shape: &Shape) -> Option<Option<Answer>> {
    Some(match shape {
        Shape::Single { choices } => match reader.get(width(choices.len() as u64))? {
            0 => None,
            i => Some(Answer::Choice(choices.get(i as usize - 1)?.clone())),
        },
        Shape::Multiple { choices } => match reader.get(1)? {
            0 => None,
            _ => {
                let mut picked = Vec::new();
                for choice in choices {
                    if reader.get(1)? == 1 {
                        picked.push(choice.clone());
                    }
                }
                Some(Answer::Choices(picked))
            }
        },
        Shape::Scale { min, max } => get_scale(reader, *min, *max)?.map(Answer::Scale),
        Shape::Matrix { rows, min, max } => {
            let mut given = BTreeMap::new();
            for row in rows {
                if let Some(v) = get_scale(reader, *min, *max)? {
                    given.insert(row.clone(), v);
                }
            }
            (!given.is_empty()).then_some(Answer::Matrix(given))
        }
        Shape::Dual { rows, min, max } => {
            let mut given = BTreeMap::new();
            for row in rows {
                let first = get_scale(reader, *min, *max)?;
                let second = get_scale(reader, *min, *max)?;
                if first.is_some() || second.is_some() {
                    given.insert(row.clone(), DualAnswer { first, second });
                }
            }
            (!given.is_empty()).then_some(Answer::Dual(given))
        }
        Shape::Split { items, total } => match reader.get(1)? {
            0 => None,
            _ => {
                let mut points = BTreeMap::new();
                for item in items {
                    let v = u32::try_from(reader.get(width(u64::from(*total)))?).ok()?;
                    if v > *total {
                        return None;
                    }
                    if v > 0 {
                        points.insert(item.clone(), v);
                    }
                }
                Some(Answer::Split(points))
            }
        },
        Shape::Text => match reader.get(1)? {
            0 => None,
            _ => {
                let len = usize::try_from(reader.get_varint()?).ok()?;
                if len > reader.bytes.len() {
                    return None;
                }
                let bytes = (0..len)
                    .map(|_| reader.get(8).map(|b| b as u8))
                    .collect::<Option<Vec<u8>>>()?;
                Some(Answer::Text(String::from_utf8(bytes).ok()?))
            }
        },
        Shape::Number => match reader.get(1)? {
            0 => None,
            _ => Some(Answer::Number(f64::from_bits(reader.get(64)?))),
        },
        Shape::Date => match reader.get(1)? {
            0 => None,
            _ => Some(Answer::Date(NaiveDate::from_num_days_from_ce_opt(
                reader.get(32)? as u32 as i32,
            )?)),
        },
    })
}

/// The answers in `code`, read with `layout` (which must be the survey and version
/// the header names).
pub fn decode_response_code(
    code: &str,
    layout: &Layout,
) -> Result<(CodeHeader, Answers), CodeError> {
    let bytes = code_bytes(code)?;
    let mut reader = Reader {
        bytes: &bytes,
        at: 0,
    };
    let header = read_header(&mut reader).ok_or(CodeError::Unreadable)?;
    if header.survey_id != layout.survey_id {
        return Err(CodeError::OtherSurvey {
            survey_id: header.survey_id,
        });
    }
    if header.survey_version != layout.version {
        return Err(CodeError::UnknownVersion {
            version: header.survey_version,
        });
    }
    let mut answers = Answers::new();
    for (code, shape) in &layout.questions {
        if let Some(answer) = get_answer(&mut reader, shape).ok_or(CodeError::Unreadable)? {
            answers.insert(code.clone(), answer);
        }
    }
    if !reader.at_end() {
        return Err(CodeError::Unreadable);
    }
    Ok((header, answers))
}

/// Why an answer in an older code was not taken into the current survey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// The question was deleted.
    QuestionGone,
    /// The question's kind or scale changed.
    ShapeChanged,
    /// The matrix row or constant-sum item was deleted.
    RowGone { row: String },
    /// The choice was deleted.
    ChoiceGone { choice: String },
}

/// An answer left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub code: String,
    pub reason: DropReason,
}

/// A response code read into the current survey.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedCode {
    pub header: CodeHeader,
    pub answers: Answers,
    /// Answers of an earlier version that the current survey cannot take.
    pub dropped: Vec<Dropped>,
}

/// Reads `code` into `survey`: a code for the current version is taken whole; a code
/// for an earlier version (its layout among `earlier`) keeps the answers to questions
/// that still exist with the same scale (rows and choices may have been added), and
/// reports the rest.
pub fn import_response_code(
    code: &str,
    survey: &Survey,
    earlier: &[Layout],
) -> Result<ImportedCode, CodeError> {
    let header = read_code_header(code)?;
    if header.survey_id != survey.id {
        return Err(CodeError::OtherSurvey {
            survey_id: header.survey_id,
        });
    }
    let current = Layout::of(survey);
    let layout = if header.survey_version == survey.version {
        &current
    } else {
        earlier
            .iter()
            .find(|l| l.survey_id == survey.id && l.version == header.survey_version)
            .ok_or(CodeError::UnknownVersion {
                version: header.survey_version,
            })?
    };
    let (header, old) = decode_response_code(code, layout)?;
    let (answers, dropped) = reconcile(old, layout, &current);
    Ok(ImportedCode {
        header,
        answers,
        dropped,
    })
}

/// Carries answers given to layout `from` over to layout `to`.
pub fn reconcile(answers: Answers, from: &Layout, to: &Layout) -> (Answers, Vec<Dropped>) {
    let mut kept = Answers::new();
    let mut dropped = Vec::new();
    let shape_in = |layout: &Layout, code: &str| {
        layout
            .questions
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, s)| s.clone())
    };
    for (code, answer) in answers {
        let mut drop = |reason| {
            dropped.push(Dropped {
                code: code.clone(),
                reason,
            })
        };
        let (Some(old), Some(new)) = (shape_in(from, &code), shape_in(to, &code)) else {
            drop(DropReason::QuestionGone);
            continue;
        };
        if old == new {
            kept.insert(code, answer);
            continue;
        }
        let (carried, lost) = carry(answer, &old, &new);
        for reason in lost {
            drop(reason);
        }
        if let Some(answer) = carried {
            kept.insert(code, answer);
        }
    }
    (kept, dropped)
}

/// What of `answer` fits the new shape, and what does not.
fn carry(answer: Answer, old: &Shape, new: &Shape) -> (Option<Answer>, Vec<DropReason>) {
    let mut lost = Vec::new();
    let carried = match (answer, old, new) {
        (Answer::Choice(c), Shape::Single { .. }, Shape::Single { choices }) => {
            if choices.contains(&c) {
                Some(Answer::Choice(c))
            } else {
                lost.push(DropReason::ChoiceGone { choice: c });
                None
            }
        }
        (Answer::Choices(picked), Shape::Multiple { .. }, Shape::Multiple { choices }) => {
            let (keep, gone): (Vec<String>, Vec<String>) =
                picked.into_iter().partition(|c| choices.contains(c));
            lost.extend(
                gone.into_iter()
                    .map(|choice| DropReason::ChoiceGone { choice }),
            );
            Some(Answer::Choices(keep))
        }
        (
            Answer::Matrix(given),
            Shape::Matrix { min: a, max: b, .. },
            Shape::Matrix { rows, min, max },
        ) if (a, b) == (min, max) => {
            let (keep, gone): (BTreeMap<_, _>, BTreeMap<_, _>) =
                given.into_iter().partition(|(r, _)| rows.contains(r));
            lost.extend(gone.into_keys().map(|row| DropReason::RowGone { row }));
            (!keep.is_empty()).then_some(Answer::Matrix(keep))
        }
        (
            Answer::Dual(given),
            Shape::Dual { min: a, max: b, .. },
            Shape::Dual { rows, min, max },
        ) if (a, b) == (min, max) => {
            let (keep, gone): (BTreeMap<_, _>, BTreeMap<_, _>) =
                given.into_iter().partition(|(r, _)| rows.contains(r));
            lost.extend(gone.into_keys().map(|row| DropReason::RowGone { row }));
            (!keep.is_empty()).then_some(Answer::Dual(keep))
        }
        // A split over other items or another total no longer adds up: all or nothing.
        _ => {
            lost.push(DropReason::ShapeChanged);
            None
        }
    };
    (carried, lost)
}

/// Every distinct response code in `text` (one per line, or a whole chat log), in the
/// order first seen; the same code pasted twice counts once.
pub fn find_response_codes(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(RESPONSE_PREFIX) {
        let boundary = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &rest[at + RESPONSE_PREFIX.len()..];
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count();
        if boundary && len > 0 {
            let code = format!("{RESPONSE_PREFIX}{}", &after[..len]);
            if !found.contains(&code) {
                found.push(code);
            }
        }
        rest = &after[len..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::model::{Bilingual, Choice, Question, Row, Section};
    use crate::surveys::domain::templates::{ServqualDimension, SERVQUAL_WEIGHTS};
    use proptest::prelude::*;

    #[test]
    fn base64url_matches_rfc_4648_without_padding() {
        // RFC 4648 §10 test vectors, padding removed.
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
        // The URL-safe alphabet: 0xfb 0xff → "-_8".
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        // Refused: padding, the standard alphabet's + and /, a lone character, and
        // non-zero unused bits ("Zh" would be "f" with a stray bit).
        for bad in ["Zg==", "+/8", "Z", "Zh"] {
            assert_eq!(base64url_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        // The CRC-32 check value of "123456789" (e.g. the CRC catalogue, CRC-32/ISO-HDLC).
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    fn servqual_answers(seed: u64) -> Answers {
        let mut answers = Answers::new();
        let mut value = seed;
        let mut next = move || {
            value = value
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (value >> 33) as u8 % 7 + 1
        };
        for d in ServqualDimension::ALL {
            let rows = d
                .item_codes()
                .into_iter()
                .map(|c| (c, DualAnswer::both(next(), next())))
                .collect();
            answers.insert(d.question_code().to_owned(), Answer::Dual(rows));
        }
        let split = [
            ("W_TAN", 10),
            ("W_REL", 30),
            ("W_RES", 20),
            ("W_ASS", 25),
            ("W_EMP", 15),
        ];
        answers.insert(
            SERVQUAL_WEIGHTS.to_owned(),
            Answer::Split(split.into_iter().map(|(c, v)| (c.to_owned(), v)).collect()),
        );
        answers
    }

    #[test]
    fn a_servqual_response_code_round_trips_within_100_characters() {
        let survey = template(TemplateId::Servqual, 1_736_000_000_123);
        let answers = servqual_answers(7);
        let code = encode_response_code(&survey, &answers, Some(987_654_321)).unwrap();
        // Budget (issue 12): ≤ 100 characters for the 44 answers, here with the
        // importance split and a personal token too.
        assert!(code.len() <= 100, "{} characters: {code}", code.len());
        assert!(code.len() <= 60, "measured {} characters", code.len());
        let (header, decoded) = decode_response_code(&code, &Layout::of(&survey)).unwrap();
        assert_eq!(
            header,
            CodeHeader {
                survey_id: survey.id,
                survey_version: 1,
                token: Some(987_654_321)
            }
        );
        assert_eq!(decoded, answers);
        assert_eq!(read_code_header(&code).unwrap(), header);
    }

    /// A survey with every kind of question, for the round trips.
    fn every_kind() -> Survey {
        let choices = |codes: &[&str]| {
            codes
                .iter()
                .map(|c| Choice {
                    code: (*c).to_owned(),
                    label: Bilingual::new("选", "C"),
                })
                .collect::<Vec<_>>()
        };
        let rows = |codes: &[&str]| {
            codes
                .iter()
                .map(|c| Row::new(c, "行", "R"))
                .collect::<Vec<_>>()
        };
        let kinds = vec![
            (
                "S",
                QuestionKind::SingleChoice {
                    choices: choices(&["a", "b", "c"]),
                },
            ),
            (
                "M",
                QuestionKind::MultipleChoice {
                    choices: choices(&["a", "b", "c", "d"]),
                    min: None,
                    max: None,
                },
            ),
            (
                "R",
                QuestionKind::Rating {
                    points: 11,
                    start: 0,
                    ends: Default::default(),
                },
            ),
            ("NPS", QuestionKind::Nps),
            ("CSAT", QuestionKind::Csat),
            ("CES", QuestionKind::Ces),
            (
                "I",
                QuestionKind::Importance {
                    points: 5,
                    start: 1,
                    ends: Default::default(),
                },
            ),
            (
                "L",
                QuestionKind::LikertMatrix {
                    rows: rows(&["L1", "L2"]),
                    points: 5,
                    start: 1,
                    ends: Default::default(),
                },
            ),
            (
                "D",
                QuestionKind::DualMatrix {
                    rows: rows(&["D1", "D2"]),
                    points: 7,
                    start: 1,
                    ends: Default::default(),
                    columns: Default::default(),
                },
            ),
            (
                "W",
                QuestionKind::ConstantSum {
                    items: rows(&["W1", "W2", "W3"]),
                    total: 100,
                },
            ),
            ("T", QuestionKind::ShortText),
            ("LT", QuestionKind::LongText),
            (
                "N",
                QuestionKind::Number {
                    min: None,
                    max: None,
                },
            ),
            ("DT", QuestionKind::Date),
        ];
        Survey {
            id: 5,
            version: 3,
            sections: vec![Section {
                questions: kinds
                    .into_iter()
                    .map(|(c, k)| Question::new(c, k, Bilingual::new("问", "Q")))
                    .collect(),
                ..Section::default()
            }],
            ..Survey::default()
        }
    }

    fn s(c: &str) -> String {
        c.to_owned()
    }

    #[test]
    fn every_kind_of_answer_round_trips() {
        let survey = every_kind();
        let full: Answers = [
            (s("S"), Answer::Choice(s("c"))),
            (s("M"), Answer::Choices(vec![s("a"), s("d")])),
            (s("R"), Answer::Scale(0)),
            (s("NPS"), Answer::Scale(10)),
            (s("CSAT"), Answer::Scale(1)),
            (s("CES"), Answer::Scale(7)),
            (s("I"), Answer::Scale(3)),
            (s("L"), Answer::Matrix(BTreeMap::from([(s("L2"), 5)]))),
            (
                s("D"),
                Answer::Dual(BTreeMap::from([(
                    s("D1"),
                    DualAnswer {
                        first: None,
                        second: Some(2),
                    },
                )])),
            ),
            (s("W"), Answer::Split(BTreeMap::from([(s("W1"), 100)]))),
            (s("T"), Answer::Text(s("很好，谢谢 ✓"))),
            (s("LT"), Answer::Text(String::new())),
            (s("N"), Answer::Number(-12.75)),
            (
                s("DT"),
                Answer::Date(NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()),
            ),
        ]
        .into_iter()
        .collect();
        for answers in [full, Answers::new()] {
            let code = encode_response_code(&survey, &answers, None).unwrap();
            let (header, decoded) = decode_response_code(&code, &Layout::of(&survey)).unwrap();
            assert_eq!((header.token, decoded), (None, answers));
        }
    }

    #[test]
    fn answers_that_do_not_fit_are_refused_when_encoding() {
        let survey = every_kind();
        let one =
            |code: &str, answer: Answer| -> Answers { [(s(code), answer)].into_iter().collect() };
        let cases = [
            ("S", Answer::Choice(s("z"))),
            ("M", Answer::Choices(vec![s("a"), s("a")])),
            ("NPS", Answer::Scale(11)),
            ("NPS", Answer::Text(s("9"))),
            ("L", Answer::Matrix(BTreeMap::from([(s("L9"), 1)]))),
            ("W", Answer::Split(BTreeMap::from([(s("W1"), 101)]))),
        ];
        for (code, answer) in cases {
            assert_eq!(
                encode_response_code(&survey, &one(code, answer.clone()), None),
                Err(CodeError::AnswerDoesNotFit { code: s(code) }),
                "{answer:?}"
            );
        }
    }

    #[test]
    fn a_damaged_or_foreign_code_is_refused_with_a_reason() {
        let survey = template(TemplateId::Servqual, 77);
        let code = encode_response_code(&survey, &servqual_answers(1), None).unwrap();
        let body = &code[RESPONSE_PREFIX.len()..];
        // One character changed in the middle (a typo).
        let mut typo: Vec<char> = code.chars().collect();
        let at = code.len() / 2;
        typo[at] = if typo[at] == 'A' { 'B' } else { 'A' };
        let typo: String = typo.into_iter().collect();
        let layout = Layout::of(&survey);
        let other = template(TemplateId::Nps, 78);
        let other_code = encode_response_code(&other, &Answers::new(), None).unwrap();
        let mut edited = survey.clone();
        edited.version = 2;
        let cases = [
            (typo.as_str(), CodeError::Damaged),
            (&code[..code.len() - 3], CodeError::Damaged),
            (body, CodeError::NotACode),
            ("CRM1.abc*", CodeError::NotACode),
            ("hello", CodeError::NotACode),
            (
                other_code.as_str(),
                CodeError::OtherSurvey { survey_id: 78 },
            ),
        ];
        for (text, error) in cases {
            assert_eq!(
                decode_response_code(text, &layout).map(|_| ()),
                Err(error.clone()),
                "{text}"
            );
            assert_eq!(
                import_response_code(text, &survey, &[]).map(|_| ()),
                Err(error),
                "{text}"
            );
        }
        // A code for version 1 when the survey is at version 2 and the old layout is lost.
        assert_eq!(
            import_response_code(&code, &edited, &[]).map(|_| ()),
            Err(CodeError::UnknownVersion { version: 1 })
        );
    }

    #[test]
    fn a_code_for_an_earlier_version_keeps_what_still_fits() {
        let mut survey = every_kind();
        let answers: Answers = [
            (s("S"), Answer::Choice(s("b"))),
            (s("M"), Answer::Choices(vec![s("a"), s("c")])),
            (s("NPS"), Answer::Scale(9)),
            (s("R"), Answer::Scale(4)),
            (
                s("L"),
                Answer::Matrix(BTreeMap::from([(s("L1"), 2), (s("L2"), 4)])),
            ),
            (s("T"), Answer::Text(s("ok"))),
        ]
        .into_iter()
        .collect();
        let code = encode_response_code(&survey, &answers, Some(3)).unwrap();
        let old = Layout::of(&survey);
        // The owner edits: fixes a typo (no layout change), deletes choice "c" and row
        // "L1", turns the rating into 1–5, deletes the text question, adds a choice "d".
        survey.sections[0].questions[3].text.en = s("How likely…");
        assert!(!old.differs_from(&survey), "wording is not layout");
        let qs = &mut survey.sections[0].questions;
        qs[0].kind = QuestionKind::SingleChoice {
            choices: vec![
                Choice {
                    code: s("a"),
                    label: Bilingual::new("甲", "A"),
                },
                Choice {
                    code: s("b"),
                    label: Bilingual::new("乙", "B"),
                },
                Choice {
                    code: s("d"),
                    label: Bilingual::new("丁", "D"),
                },
            ],
        };
        qs[1].kind = QuestionKind::MultipleChoice {
            choices: vec![
                Choice {
                    code: s("a"),
                    label: Bilingual::new("甲", "A"),
                },
                Choice {
                    code: s("b"),
                    label: Bilingual::new("乙", "B"),
                },
            ],
            min: None,
            max: None,
        };
        qs[2].kind = QuestionKind::Rating {
            points: 5,
            start: 1,
            ends: Default::default(),
        };
        qs[7].kind = QuestionKind::LikertMatrix {
            rows: vec![Row::new("L2", "行", "R")],
            points: 5,
            start: 1,
            ends: Default::default(),
        };
        qs.retain(|q| q.code != "T");
        assert!(old.differs_from(&survey));
        survey.version = 4;
        let imported = import_response_code(&code, &survey, std::slice::from_ref(&old)).unwrap();
        assert_eq!(imported.header.token, Some(3));
        let expected: Answers = [
            (s("S"), Answer::Choice(s("b"))),
            (s("M"), Answer::Choices(vec![s("a")])),
            (s("NPS"), Answer::Scale(9)),
            (s("L"), Answer::Matrix(BTreeMap::from([(s("L2"), 4)]))),
        ]
        .into_iter()
        .collect();
        assert_eq!(imported.answers, expected);
        assert_eq!(
            imported.dropped,
            vec![
                Dropped {
                    code: s("L"),
                    reason: DropReason::RowGone { row: s("L1") }
                },
                Dropped {
                    code: s("M"),
                    reason: DropReason::ChoiceGone { choice: s("c") }
                },
                Dropped {
                    code: s("R"),
                    reason: DropReason::ShapeChanged
                },
                Dropped {
                    code: s("T"),
                    reason: DropReason::QuestionGone
                },
            ]
        );
    }

    #[test]
    fn codes_are_found_in_a_chat_log_once_each() {
        let survey = template(TemplateId::Nps, 1);
        let code = |v: u8| {
            encode_response_code(
                &survey,
                &[(s("NPS"), Answer::Scale(v))].into_iter().collect(),
                None,
            )
            .unwrap()
        };
        let (a, b) = (code(9), code(3));
        let log = format!("[10:02] Li: here it is {a}.\n[10:05] Wang: {b}\n[10:06] Li: again: {a}\nXCRM1.notacode\n(CRM1.)");
        assert_eq!(find_response_codes(&log), vec![a, b]);
        assert_eq!(find_response_codes("nothing here"), Vec::<String>::new());
    }

    #[test]
    fn a_link_carries_the_survey_and_an_unchanged_template_only_by_id() {
        let servqual = template(TemplateId::Servqual, 1_736_000_000_123);
        let link = encode_link(&Invitation::to(&servqual, Some(42)));
        assert!(
            link.len() < 200,
            "template link: {} characters: {link}",
            link.len()
        );
        let invitation = decode_link(&format!("#{link}")).unwrap();
        assert!(matches!(
            invitation.survey,
            SharedSurvey::Template {
                template: TemplateId::Servqual,
                ..
            }
        ));
        assert_eq!(invitation.token, Some(42));
        assert_eq!(invitation.survey().unwrap(), servqual);
        // Budget (issue 12): the bilingual SERVQUAL with edited wording ≤ 4 000 characters.
        let mut edited = servqual.clone();
        edited.name = Bilingual::new("2025 年门店服务质量调查", "Store service quality 2025");
        edited.sections[0].questions[0]
            .text
            .en
            .push_str(" (our shop)");
        let link = encode_link(&Invitation::to(&edited, None));
        assert!(
            link.len() <= 4_000,
            "full SERVQUAL link: {} characters",
            link.len()
        );
        // Compressed against the template it came from, the edits cost little.
        assert!(link.len() <= 1_000, "measured {} characters", link.len());
        // Cut loose from its template (no dictionary), it still fits.
        let mut own = edited.clone();
        own.template = None;
        let own_link = encode_link(&Invitation::to(&own, None));
        assert!(
            own_link.len() <= 4_000,
            "SERVQUAL without its template: {} characters",
            own_link.len()
        );
        assert_eq!(decode_link(&own_link).unwrap().survey().unwrap(), own);
        let invitation = decode_link(&link).unwrap();
        assert!(matches!(invitation.survey, SharedSurvey::Full(_)));
        assert_eq!(invitation.survey().unwrap(), edited);
    }

    #[test]
    fn a_damaged_link_is_refused_with_a_reason() {
        let link = encode_link(&Invitation::to(&every_kind(), None));
        let mut typo: Vec<char> = link.chars().collect();
        let at = link.len() / 2;
        typo[at] = if typo[at] == 'x' { 'y' } else { 'x' };
        let typo: String = typo.into_iter().collect();
        // A well-formed link whose content claims to unpack to 4 GB.
        let bomb = format!(
            "{LINK_PREFIX}{}",
            base64url_encode(&with_checksum(vec![0, 0, 0xff, 0xff, 0xff, 0xff, 0]))
        );
        let junk = format!(
            "{LINK_PREFIX}{}",
            base64url_encode(&with_checksum(
                [vec![0, 0], lz4_flex::compress_prepend_size(b"{\"x\":1}")].concat()
            ))
        );
        let old_template = encode_link(&Invitation {
            survey: SharedSurvey::Template {
                template: TemplateId::Nps,
                template_version: TEMPLATE_VERSION + 1,
                survey_id: 1,
                survey_version: 1,
            },
            token: None,
        });
        let cases = [
            (typo.as_str(), Err(LinkError::Damaged)),
            (&link[..link.len() - 10], Err(LinkError::Damaged)),
            ("#/customers", Err(LinkError::NotALink)),
            ("s1.%%%", Err(LinkError::NotALink)),
            (bomb.as_str(), Err(LinkError::Unreadable)),
            (junk.as_str(), Err(LinkError::Unreadable)),
        ];
        for (text, expected) in cases {
            assert_eq!(decode_link(text).map(|_| ()), expected, "{text}");
        }
        assert_eq!(
            decode_link(&old_template).unwrap().survey(),
            Err(LinkError::UnknownTemplate)
        );
    }

    fn any_dual() -> impl Strategy<Value = DualAnswer> {
        (proptest::option::of(1u8..=7), proptest::option::of(1u8..=7))
            .prop_map(|(first, second)| DualAnswer { first, second })
    }

    /// Any response to the SERVQUAL template: each row answered, half or not at all,
    /// each matrix possibly skipped, the split possibly missing.
    fn any_servqual_answers() -> impl Strategy<Value = Answers> {
        (
            proptest::collection::vec(any_dual(), 22),
            proptest::bits::u8::between(0, 5),
            proptest::option::of(proptest::collection::vec(0u32..=100, 5)),
        )
            .prop_map(|(rows, skipped, split)| {
                let mut answers = Answers::new();
                for (i, d) in ServqualDimension::ALL.into_iter().enumerate() {
                    if skipped & (1 << i) != 0 {
                        continue;
                    }
                    let given: BTreeMap<String, DualAnswer> = d
                        .items()
                        .map(|n| (format!("SQ{n}"), rows[usize::from(n) - 1]))
                        .filter(|(_, a)| a.first.is_some() || a.second.is_some())
                        .collect();
                    if !given.is_empty() {
                        answers.insert(d.question_code().to_owned(), Answer::Dual(given));
                    }
                }
                if let Some(split) = split {
                    let points = ServqualDimension::ALL
                        .into_iter()
                        .zip(split)
                        .filter(|(_, v)| *v > 0)
                        .map(|(d, v)| (d.weight_code().to_owned(), v))
                        .collect();
                    answers.insert(SERVQUAL_WEIGHTS.to_owned(), Answer::Split(points));
                }
                answers
            })
    }

    proptest! {
        #[test]
        fn any_servqual_response_round_trips(answers in any_servqual_answers(), id in any::<u64>(), token in proptest::option::of(0u64..u64::MAX)) {
            let survey = template(TemplateId::Servqual, id);
            let code = encode_response_code(&survey, &answers, token).unwrap();
            prop_assert!(code.len() <= 100);
            let (header, decoded) = decode_response_code(&code, &Layout::of(&survey)).unwrap();
            prop_assert_eq!(header.token, token);
            prop_assert_eq!(decoded, answers);
        }

        #[test]
        fn a_one_character_change_is_always_detected(answers in any_servqual_answers(), at in any::<prop::sample::Index>(), to in 0usize..64) {
            let survey = template(TemplateId::Servqual, 12);
            let code = encode_response_code(&survey, &answers, None).unwrap();
            let at = RESPONSE_PREFIX.len() + at.index(code.len() - RESPONSE_PREFIX.len());
            let replacement = char::from(ALPHABET[to]);
            prop_assume!(code.as_bytes()[at] != ALPHABET[to]);
            let mut changed = code.clone();
            changed.replace_range(at..=at, &replacement.to_string());
            let result = decode_response_code(&changed, &Layout::of(&survey));
            prop_assert!(matches!(result, Err(CodeError::Damaged | CodeError::NotACode)), "{:?}", result);
        }

        #[test]
        fn any_text_survey_link_round_trips(name in "\\PC{0,40}", help in "\\PC{0,40}", token in proptest::option::of(any::<u64>())) {
            let mut survey = every_kind();
            survey.name = Bilingual::new(&name, &help);
            survey.sections[0].questions[0].help = Bilingual::new(&help, &name);
            let invitation = Invitation::to(&survey, token);
            prop_assert_eq!(decode_link(&encode_link(&invitation)).unwrap(), invitation);
        }
    }
}
