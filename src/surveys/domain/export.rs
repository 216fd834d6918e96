//! Responses as table rows for a CSV export: one row per response, one column per answer
//! (a dual-scale row is two columns, `SQ1_E` and `SQ1_P`), the same headers the CSV
//! import matches.

use super::model::{Answer, QuestionKind, Response, Survey};

/// The header row: `id`, `date`, `customer`, then the answer columns.
pub fn export_header(survey: &Survey) -> Vec<String> {
    let mut header = vec!["id".to_owned(), "date".to_owned(), "customer".to_owned()];
    for q in survey.questions() {
        match &q.kind {
            QuestionKind::LikertMatrix { rows, .. }
            | QuestionKind::ConstantSum { items: rows, .. } => {
                header.extend(rows.iter().map(|r| r.code.clone()));
            }
            QuestionKind::DualMatrix { rows, columns, .. } => {
                let (first, second) = columns.suffixes();
                for r in rows {
                    header.push(format!("{}{first}", r.code));
                    header.push(format!("{}{second}", r.code));
                }
            }
            _ => header.push(q.code.clone()),
        }
    }
    header
}

/// The rows of `responses` to `survey`, header first; `customer` gives the customer
/// column (an id or an email) of a linked response.
pub fn export_rows<R: std::borrow::Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    customer: impl Fn(u64) -> String,
) -> Vec<Vec<String>> {
    let mut rows = vec![export_header(survey)];
    let number = |v: Option<String>| v.unwrap_or_default();
    for r in responses
        .iter()
        .map(R::borrow)
        .filter(|r| r.survey_id == survey.id)
    {
        let mut row = vec![
            r.id.to_string(),
            r.submitted.to_string(),
            r.customer_id.map(&customer).unwrap_or_default(),
        ];
        for q in survey.questions() {
            let answer = r.answers.get(&q.code);
            match &q.kind {
                QuestionKind::LikertMatrix { rows, .. } => {
                    for row_def in rows {
                        row.push(number(match answer {
                            Some(Answer::Matrix(m)) => m.get(&row_def.code).map(u8::to_string),
                            _ => None,
                        }));
                    }
                }
                QuestionKind::ConstantSum { items, .. } => {
                    for item in items {
                        row.push(number(match answer {
                            Some(Answer::Split(m)) => m.get(&item.code).map(u32::to_string),
                            _ => None,
                        }));
                    }
                }
                QuestionKind::DualMatrix { rows, .. } => {
                    for row_def in rows {
                        let pair = match answer {
                            Some(Answer::Dual(m)) => m.get(&row_def.code).copied(),
                            _ => None,
                        }
                        .unwrap_or_default();
                        row.push(number(pair.first.map(|v| v.to_string())));
                        row.push(number(pair.second.map(|v| v.to_string())));
                    }
                }
                _ => row.push(match answer {
                    Some(Answer::Choice(c)) => c.clone(),
                    Some(Answer::Choices(cs)) => cs.join(";"),
                    Some(Answer::Scale(v)) => v.to_string(),
                    Some(Answer::Text(t)) => t.clone(),
                    Some(Answer::Number(n)) => n.to_string(),
                    Some(Answer::Date(d)) => d.to_string(),
                    _ => String::new(),
                }),
            }
        }
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::model::{Answers, DualAnswer, TemplateId};
    use crate::surveys::domain::template;
    use std::collections::BTreeMap;

    #[test]
    fn dual_rows_are_two_columns_and_skipped_answers_are_empty() {
        let survey = template(TemplateId::Servqual, 1);
        let header = export_header(&survey);
        assert_eq!(&header[..5], ["id", "date", "customer", "SQ1_E", "SQ1_P"]);
        assert_eq!(header.len(), 3 + 44 + 5);
        let answers: Answers = [(
            "SQ_TAN".to_owned(),
            Answer::Dual(BTreeMap::from([("SQ1".to_owned(), DualAnswer::both(6, 4))])),
        )]
        .into();
        let r = Response {
            id: 9,
            survey_id: 1,
            customer_id: Some(3),
            answers,
            ..Response::default()
        };
        let rows = export_rows(&survey, &[r], |id| format!("c{id}"));
        assert_eq!(&rows[1][..7], ["9", "1970-01-01", "c3", "6", "4", "", ""]);
        let nps = template(TemplateId::Nps, 2);
        assert_eq!(
            export_header(&nps),
            ["id", "date", "customer", "NPS", "NPS_WHY"]
        );
    }
}
