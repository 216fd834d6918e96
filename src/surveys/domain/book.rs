//! Everything the Surveys section stores: the surveys, their responses, the answer
//! layouts of earlier versions (so codes answered before an edit can still be read) and
//! the checksums of the response codes already taken (so a code pasted twice counts once),
//! and the personal links' tokens (so a code answered through one returns linked to its
//! customer).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{Bilingual, Response, Section, Survey, SurveyStatus, TemplateId};
use super::share::{crc32, import_response_code, CodeError, Dropped, ImportedCode, Layout};
use super::templates::template;

/// The stored surveys and responses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyBook {
    pub surveys: Vec<Survey>,
    pub responses: Vec<Response>,
    /// The layouts of versions replaced by an edit.
    pub layouts: Vec<Layout>,
    /// CRC-32 of every response code taken.
    pub codes_taken: Vec<u32>,
    pub next_id: u64,
    pub next_response_id: u64,
    /// The personal links made: which opaque token stands for which customer. Only this
    /// book (on the owner's side) can tell; the link and the code carry the token alone.
    pub personal_links: Vec<PersonalLink>,
}

/// Stored schema 1 → 2: the book gains its personal links (none yet).
pub fn add_personal_links(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
    data.as_object_mut()
        .ok_or("the survey book is not an object")?
        .entry("personal_links")
        .or_insert_with(|| serde_json::json!([]));
    Ok(data)
}

/// A personal link of one survey for one customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalLink {
    pub survey_id: u64,
    /// Random, unique in the book; never derived from the customer.
    pub token: u64,
    pub customer_id: u64,
}

/// Tokens keep 48 random bits: a guess hits one of a thousand links once in 2^38 tries,
/// and the response code stays within its 100 characters (7 bytes of varint at most).
pub const TOKEN_BITS: u32 = 48;

/// Who a taken code is linked to, by the token its personal link carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenLink {
    /// The code came by the survey's general link.
    NoToken,
    /// A known token: the response is linked to this customer.
    Customer(u64),
    /// A token this book never made (another device's, or a deleted link): the response
    /// is taken unlinked.
    Unknown,
}

/// What pasting one response code did.
#[derive(Clone, Debug, PartialEq)]
pub enum CodeOutcome {
    /// Taken as a new response (with the answers an earlier version had that were left out).
    Taken {
        response_id: u64,
        dropped: Vec<Dropped>,
        link: TokenLink,
    },
    /// The same code was taken before: it counts once.
    AlreadyTaken,
    Refused(CodeError),
}

impl SurveyBook {
    fn take_id(&mut self) -> u64 {
        let highest = self.surveys.iter().map(|s| s.id).max().unwrap_or(0);
        self.next_id = self.next_id.max(highest + 1);
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn take_response_id(&mut self) -> u64 {
        let highest = self.responses.iter().map(|r| r.id).max().unwrap_or(0);
        self.next_response_id = self.next_response_id.max(highest + 1);
        let id = self.next_response_id;
        self.next_response_id += 1;
        id
    }

    pub fn survey(&self, id: u64) -> Option<&Survey> {
        self.surveys.iter().find(|s| s.id == id)
    }

    /// A new draft from a built-in template; returns its id.
    pub fn add_template(&mut self, id: TemplateId) -> u64 {
        let survey_id = self.take_id();
        self.surveys.push(template(id, survey_id));
        survey_id
    }

    /// A new empty draft with one empty section; returns its id.
    pub fn add_blank(&mut self, name: Bilingual) -> u64 {
        let id = self.take_id();
        self.surveys.push(Survey {
            id,
            name,
            sections: vec![Section::default()],
            ..Survey::default()
        });
        id
    }

    /// A copy of survey `id` as a new draft, without its responses; returns the new id.
    pub fn duplicate(&mut self, id: u64) -> Option<u64> {
        let mut copy = self.survey(id)?.clone();
        let new_id = self.take_id();
        copy.id = new_id;
        copy.version = 1;
        copy.status = SurveyStatus::Draft;
        copy.name.zh = format!("{}（副本）", copy.name.zh);
        copy.name.en = format!("{} (copy)", copy.name.en);
        self.surveys.push(copy);
        Some(new_id)
    }

    /// Deletes survey `id` with its responses and layouts.
    pub fn delete(&mut self, id: u64) {
        self.surveys.retain(|s| s.id != id);
        self.responses.retain(|r| r.survey_id != id);
        self.layouts.retain(|l| l.survey_id != id);
        self.personal_links.retain(|l| l.survey_id != id);
    }

    /// Stores an edited survey. When the edit changed what answers look like, the
    /// version is raised and the old layout kept, so answers already out there (codes)
    /// can still be read.
    pub fn save_survey(&mut self, mut edited: Survey) {
        let Some(stored) = self.surveys.iter_mut().find(|s| s.id == edited.id) else {
            return;
        };
        let old = Layout::of(stored);
        edited.version = stored.version;
        if old.differs_from(&edited) {
            edited.version = stored.version + 1;
            self.layouts.push(old);
        }
        *stored = edited;
    }

    /// The responses to survey `id`, in place.
    pub fn responses_of(&self, id: u64) -> impl Iterator<Item = &Response> {
        self.responses.iter().filter(move |r| r.survey_id == id)
    }

    /// The responses to survey `id`, oldest first.
    pub fn responses_to(&self, id: u64) -> Vec<Response> {
        self.responses
            .iter()
            .filter(|r| r.survey_id == id)
            .cloned()
            .collect()
    }

    /// The date of the latest response to survey `id`.
    pub fn last_response(&self, id: u64) -> Option<NaiveDate> {
        self.responses
            .iter()
            .filter(|r| r.survey_id == id)
            .map(|r| r.submitted)
            .max()
    }

    /// Records a response; returns its id.
    pub fn record(&mut self, mut response: Response) -> u64 {
        let id = self.take_response_id();
        response.id = id;
        self.responses.push(response);
        id
    }

    /// The layouts of the earlier versions of survey `id`.
    pub fn earlier_layouts(&self, id: u64) -> Vec<Layout> {
        self.layouts
            .iter()
            .filter(|l| l.survey_id == id)
            .cloned()
            .collect()
    }

    /// The token of customer `customer_id`'s personal link to survey `survey_id`: the one
    /// made before, or a new one from `random` (the caller's random bits; the domain has no
    /// random source), made unique in the book.
    pub fn personal_token(&mut self, survey_id: u64, customer_id: u64, random: u64) -> u64 {
        if let Some(link) = self
            .personal_links
            .iter()
            .find(|l| l.survey_id == survey_id && l.customer_id == customer_id)
        {
            return link.token;
        }
        let mask = (1u64 << TOKEN_BITS) - 1;
        let mut token = (random & mask).max(1);
        // A clash is one in 2^48 per link; step on (odd, so every value is reached).
        while self.personal_links.iter().any(|l| l.token == token) {
            token = (token.wrapping_add(0x9E37_79B9_7F4B) & mask).max(1);
        }
        self.personal_links.push(PersonalLink {
            survey_id,
            token,
            customer_id,
        });
        token
    }

    /// The customer a personal link's token stands for, for survey `survey_id`.
    pub fn token_customer(&self, survey_id: u64, token: u64) -> Option<u64> {
        self.personal_links
            .iter()
            .find(|l| l.survey_id == survey_id && l.token == token)
            .map(|l| l.customer_id)
    }

    /// Takes one response code for survey `survey_id`, dated `today`.
    pub fn take_code(&mut self, survey_id: u64, code: &str, today: NaiveDate) -> CodeOutcome {
        let reader = self.code_reader(survey_id);
        let read = reader.read(code);
        let mut outcomes = self.take_read(&reader, vec![read], today);
        outcomes.pop().expect("one outcome per code")
    }

    /// What reads response codes for survey `survey_id` (see `CodeReader`).
    pub fn code_reader(&self, survey_id: u64) -> CodeReader {
        CodeReader {
            survey_id,
            survey: self.survey(survey_id).cloned(),
            layouts: self.earlier_layouts(survey_id),
        }
    }

    /// Takes the codes `reader` read, in order, dated `today`: what `take_code` does for
    /// each, with the codes taken, the tokens and the next response id looked up once.
    pub fn take_read(
        &mut self,
        reader: &CodeReader,
        read: Vec<ReadCode>,
        today: NaiveDate,
    ) -> Vec<CodeOutcome> {
        let survey_id = reader.survey_id;
        let version = reader.survey.as_ref().map_or(1, |s| s.version);
        let mut taken: HashSet<u32> = self.codes_taken.iter().copied().collect();
        let tokens: HashMap<u64, u64> = self
            .personal_links
            .iter()
            .rev()
            .filter(|l| l.survey_id == survey_id)
            .map(|l| (l.token, l.customer_id))
            .collect();
        let mut next_id = None;
        read.into_iter()
            .map(|ReadCode { checksum, read }| {
                let imported = match read {
                    Ok(imported) => imported,
                    Err(error) => return CodeOutcome::Refused(error),
                };
                if !taken.insert(checksum) {
                    return CodeOutcome::AlreadyTaken;
                }
                self.codes_taken.push(checksum);
                let link = match imported.header.token {
                    None => TokenLink::NoToken,
                    Some(token) => tokens
                        .get(&token)
                        .map_or(TokenLink::Unknown, |&id| TokenLink::Customer(id)),
                };
                // The first id is found as `record` finds it; the next ones follow it.
                let response_id = *next_id.get_or_insert_with(|| self.take_response_id());
                next_id = Some(response_id + 1);
                self.next_response_id = self.next_response_id.max(response_id + 1);
                self.responses.push(Response {
                    id: response_id,
                    survey_id,
                    survey_version: version,
                    customer_id: match link {
                        TokenLink::Customer(id) => Some(id),
                        _ => None,
                    },
                    touchpoint: Some("code".to_owned()),
                    submitted: today,
                    answers: imported.answers,
                });
                CodeOutcome::Taken {
                    response_id,
                    dropped: imported.dropped,
                    link,
                }
            })
            .collect()
    }
}

/// Reads response codes for one survey. Reading (decoding a code against the survey and
/// its earlier layouts) is the slow part of taking one, and needs nothing the taking
/// changes: a long paste is read in steps and then taken at once.
pub struct CodeReader {
    survey_id: u64,
    survey: Option<Survey>,
    layouts: Vec<Layout>,
}

/// A response code read, not yet taken.
pub struct ReadCode {
    checksum: u32,
    read: Result<ImportedCode, CodeError>,
}

impl CodeReader {
    pub fn read(&self, code: &str) -> ReadCode {
        let read = match &self.survey {
            None => Err(CodeError::OtherSurvey {
                survey_id: self.survey_id,
            }),
            Some(survey) => import_response_code(code, survey, &self.layouts),
        };
        ReadCode {
            checksum: crc32(code.trim().as_bytes()),
            read,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::model::{Answer, Answers, Question, QuestionKind};
    use crate::surveys::domain::share::encode_response_code;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
    }

    #[test]
    fn surveys_get_fresh_ids_and_copies_start_as_drafts() {
        let mut book = SurveyBook::default();
        let a = book.add_template(TemplateId::Nps);
        let b = book.add_blank(Bilingual::new("空白", "Blank"));
        assert_eq!((a, b), (1, 2));
        book.surveys[0].status = SurveyStatus::Open;
        let c = book.duplicate(a).unwrap();
        let copy = book.survey(c).unwrap();
        assert_eq!(copy.status, SurveyStatus::Draft);
        assert_eq!(copy.name.en, "Net Promoter Score (NPS) (copy)");
        assert_eq!(copy.question_count(), 2);
        book.record(Response {
            survey_id: a,
            submitted: day(),
            ..Response::default()
        });
        assert_eq!(book.last_response(a), Some(day()));
        book.delete(a);
        assert!(book.survey(a).is_none());
        assert!(book.responses.is_empty());
        // Ids are never reused.
        assert_eq!(book.add_blank(Bilingual::default()), 4);
    }

    #[test]
    fn an_edit_of_the_layout_raises_the_version_and_keeps_the_old_layout() {
        let mut book = SurveyBook::default();
        let id = book.add_template(TemplateId::Nps);
        let mut edited = book.survey(id).unwrap().clone();
        edited.name.en = "Typo fixed".into();
        book.save_survey(edited.clone());
        assert_eq!(book.survey(id).unwrap().version, 1);
        edited.sections[0].questions.push(Question::new(
            "Q3",
            QuestionKind::Csat,
            Bilingual::new("满意吗", "Satisfied?"),
        ));
        book.save_survey(edited);
        assert_eq!(book.survey(id).unwrap().version, 2);
        assert_eq!(book.earlier_layouts(id).len(), 1);
    }

    #[test]
    fn a_code_is_taken_once_and_a_code_for_an_earlier_version_still_counts() {
        let mut book = SurveyBook::default();
        let id = book.add_template(TemplateId::Nps);
        let survey = book.survey(id).unwrap().clone();
        let answers: Answers = [("NPS".to_owned(), Answer::Scale(9))].into();
        let code = encode_response_code(&survey, &answers, None).unwrap();
        // The survey is edited after the link went out.
        let mut edited = survey.clone();
        edited.sections[0].questions.remove(1);
        book.save_survey(edited);
        assert!(matches!(
            book.take_code(id, &format!("  {code}\n"), day()),
            CodeOutcome::Taken { .. }
        ));
        assert_eq!(book.take_code(id, &code, day()), CodeOutcome::AlreadyTaken);
        assert_eq!(book.responses.len(), 1);
        assert_eq!(book.responses[0].answers["NPS"], Answer::Scale(9));
        let other = book.add_template(TemplateId::Csat);
        assert_eq!(
            book.take_code(other, &code, day()),
            CodeOutcome::Refused(CodeError::OtherSurvey { survey_id: id })
        );
    }

    #[test]
    fn codes_read_first_and_taken_at_once_do_what_taking_them_one_by_one_does() {
        let mut book = SurveyBook::default();
        let id = book.add_template(TemplateId::Nps);
        let survey = book.survey(id).unwrap().clone();
        let ann = book.personal_token(id, 7, 42);
        book.record(Response {
            survey_id: id,
            ..Response::default()
        });
        let code = |score, token| {
            let answers: Answers = [("NPS".to_owned(), Answer::Scale(score))].into();
            encode_response_code(&survey, &answers, token).unwrap()
        };
        let early = code(1, None);
        book.take_code(id, &early, day());
        // New, linked, unknown token, a repeat within the paste, taken before, not a code.
        let codes = [
            code(9, None),
            code(8, Some(ann)),
            code(7, Some(99)),
            code(9, None),
            early,
            "not a code".to_owned(),
            code(2, None),
        ];
        let mut one_by_one = book.clone();
        let expected: Vec<CodeOutcome> = codes
            .iter()
            .map(|c| one_by_one.take_code(id, c, day()))
            .collect();
        let reader = book.code_reader(id);
        let read = codes.iter().map(|c| reader.read(c)).collect();
        assert_eq!(book.take_read(&reader, read, day()), expected);
        assert_eq!(book, one_by_one);
        // A survey that is gone refuses every code.
        let reader = book.code_reader(999);
        let read = vec![reader.read(&codes[0])];
        assert_eq!(
            book.take_read(&reader, read, day()),
            [CodeOutcome::Refused(CodeError::OtherSurvey {
                survey_id: 999
            })]
        );
    }

    #[test]
    fn a_schema_1_book_gains_no_personal_links_and_keeps_the_rest() {
        let mut book = SurveyBook::default();
        let id = book.add_template(TemplateId::Csat);
        let mut v1 = serde_json::to_value(&book).unwrap();
        v1.as_object_mut().unwrap().remove("personal_links");
        let v2 = add_personal_links(v1).unwrap();
        assert_eq!(v2["personal_links"], serde_json::json!([]));
        let read: SurveyBook = serde_json::from_value(v2).unwrap();
        assert_eq!(read, book);
        assert!(read.survey(id).is_some());
        assert!(add_personal_links(serde_json::json!([1])).is_err());
    }

    #[test]
    fn a_code_from_a_personal_link_returns_linked_to_its_customer() {
        let mut book = SurveyBook::default();
        let id = book.add_template(TemplateId::Nps);
        let survey = book.survey(id).unwrap().clone();
        // The same customer keeps one token; another gets another, even from equal bits.
        let ann = book.personal_token(id, 7, 0xFFFF_0000_0000_0042);
        assert_eq!(ann, 0x0000_0000_0042, "48 bits kept");
        assert_eq!(book.personal_token(id, 7, 99), ann);
        let bob = book.personal_token(id, 8, 0x42);
        assert_ne!(bob, ann);
        assert_eq!(book.personal_token(id, 9, 0), 1, "never 0");
        let code = |score, token| {
            let answers: Answers = [("NPS".to_owned(), Answer::Scale(score))].into();
            encode_response_code(&survey, &answers, token).unwrap()
        };
        // (code, how it links, the response's customer)
        let cases = [
            (code(9, Some(ann)), TokenLink::Customer(7), Some(7)),
            (code(3, Some(bob)), TokenLink::Customer(8), Some(8)),
            (code(5, Some(123_456)), TokenLink::Unknown, None),
            (code(6, None), TokenLink::NoToken, None),
        ];
        for (code, link, customer) in cases {
            let CodeOutcome::Taken {
                response_id,
                link: got,
                ..
            } = book.take_code(id, &code, day())
            else {
                panic!("{code} not taken");
            };
            assert_eq!(got, link, "{code}");
            let response = book.responses.iter().find(|r| r.id == response_id);
            assert_eq!(response.unwrap().customer_id, customer);
        }
        // A token of another survey's link does not link this survey's code.
        let other = book.add_template(TemplateId::Nps);
        let theirs = book.personal_token(other, 7, 5);
        assert_eq!(book.token_customer(id, theirs), None);
        book.delete(id);
        assert_eq!(book.personal_links.len(), 1);
    }

    proptest::proptest! {
        /// Any customer's personal link, made from any random bits, brings a code back
        /// linked to that customer and to no one else, and the token never exceeds 48 bits.
        #[test]
        fn any_personal_token_links_its_code_back(
            customers in proptest::collection::vec(1u64..1_000, 1..8),
            bits in proptest::collection::vec(proptest::prelude::any::<u64>(), 8),
            score in 0u8..=10,
        ) {
            let mut book = SurveyBook::default();
            let id = book.add_template(TemplateId::Nps);
            let survey = book.survey(id).unwrap().clone();
            for (customer, random) in customers.iter().zip(&bits) {
                let token = book.personal_token(id, *customer, *random);
                proptest::prop_assert!(token > 0 && token < 1 << TOKEN_BITS);
                let answers: Answers = [("NPS".to_owned(), Answer::Scale(score))].into();
                let code = encode_response_code(&survey, &answers, Some(token)).unwrap();
                match book.take_code(id, &code, day()) {
                    CodeOutcome::Taken { link, .. } => {
                        proptest::prop_assert_eq!(link, TokenLink::Customer(*customer));
                    }
                    // The same customer twice makes the same code: it counts once.
                    CodeOutcome::AlreadyTaken => {}
                    other => proptest::prop_assert!(false, "{:?}", other),
                }
            }
        }
    }
}
