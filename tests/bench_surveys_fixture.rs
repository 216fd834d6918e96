//! Writes the surveys benchmark's fixture: the demo SERVQUAL survey with 10,000 responses
//! (44 answers each, plus the importance split), linked to customers 1…10,000 and dated
//! over a year, exactly as the app stores the survey book in localStorage (the book's
//! key and its response shards); and 1,000
//! response codes to the same survey for the import timing. Ignored by the test suite;
//! `.ci/bench` runs it: `cargo test --test bench_surveys_fixture -- --ignored`.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use crm::storage::{KeyValueStore, MemoryStore, Persist, Repository, ShardMemory};
use crm::surveys::domain::demo::demo_surveys;
use crm::surveys::domain::{encode_response_code, SurveyBook};

const RESPONSES: usize = 10_000;
const CODES: usize = 1_000;

#[test]
#[ignore = "writes the surveys benchmark fixture; run by .ci/bench"]
fn write_surveys_benchmark_fixture() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let ids: Vec<u64> = (1..=RESPONSES as u64).collect();
    let demo = demo_surveys(&ids, today);
    let survey = demo.surveys[0].clone();
    let samples: Vec<_> = demo
        .responses
        .iter()
        .filter(|r| r.survey_id == survey.id)
        .cloned()
        .collect();
    assert!(samples[0].answers.len() >= 5, "the five E/P matrices");
    let mut book = SurveyBook {
        surveys: vec![survey.clone()],
        ..SurveyBook::default()
    };
    for i in 0..RESPONSES {
        let mut r = samples[i % samples.len()].clone();
        r.id = i as u64 + 1;
        r.customer_id = Some(i as u64 + 1);
        r.submitted = today - Days::new((i * 7919 % 365) as u64);
        book.responses.push(r);
    }
    book.next_id = 2;
    book.next_response_id = RESPONSES as u64 + 1;
    let repo = Repository::new(MemoryStore::new());
    book.save(&repo, &mut ShardMemory::default()).unwrap();
    let store = repo.store();
    let items: BTreeMap<String, String> = store
        .keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = store.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect();
    // Codes answering the survey (distinct answers, so none counts twice).
    let codes: Vec<String> = (0..CODES)
        .map(|i| {
            let mut answers = samples[i % samples.len()].answers.clone();
            if let Some(crm::surveys::domain::Answer::Split(split)) = answers.get_mut("SQW") {
                // Shift a point between two dimensions so every code is different.
                let keys: Vec<String> = split.keys().cloned().collect();
                let k = i % 17;
                if let (Some(a), Some(b)) = (keys.first(), keys.get(1)) {
                    *split.get_mut(a).unwrap() += k as u32;
                    *split.get_mut(b).unwrap() -= (k as u32).min(split[b]);
                }
            }
            encode_response_code(&survey, &answers, None).unwrap()
        })
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("surveys-fixture.json");
    // localStorage counts keys and values in UTF-16 units.
    let stored_chars: usize = items
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    std::fs::write(
        &path,
        serde_json::to_string(&serde_json::json!({ "items": items, "codes": codes })).unwrap(),
    )
    .unwrap();
    println!(
        "wrote {}: {RESPONSES} SERVQUAL responses, {stored_chars} stored characters ({:.0} each); {CODES} codes",
        path.display(),
        stored_chars as f64 / RESPONSES as f64
    );
}

/// Native timings of what the results page computes over 10,000 SERVQUAL responses (the
/// browser's wasm is slower; `.ci/bench` measures it there).
#[test]
#[ignore = "a timing, not a test; run by .ci/bench"]
fn time_the_results_figures_natively() {
    use crm::surveys::domain::{
        estimate, filter_responses, servqual, trend, Headline, ResultsFilter,
    };
    use std::time::Instant;
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let ids: Vec<u64> = (1..=RESPONSES as u64).collect();
    let demo = demo_surveys(&ids, today);
    let survey = demo.surveys[0].clone();
    let samples: Vec<_> = demo
        .responses
        .iter()
        .filter(|r| r.survey_id == survey.id)
        .cloned()
        .collect();
    let responses: Vec<_> = (0..RESPONSES)
        .map(|i| {
            let mut r = samples[i % samples.len()].clone();
            r.submitted = today - Days::new((i * 7919 % 365) as u64);
            r
        })
        .collect();
    let time = |name: &str, f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        println!("{name}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    };
    time("filter by date (10,000)", &mut || {
        let f = ResultsFilter {
            from: Some(today - Days::new(90)),
            ..ResultsFilter::default()
        };
        assert!(!filter_responses(&responses, survey.id, &f, |_| None).is_empty());
    });
    time("SERVQUAL gaps", &mut || {
        servqual(&survey, &responses).unwrap();
    });
    time("SERVQUAL estimate with SE", &mut || {
        estimate(&survey, &responses, &Headline::ServqualGap).unwrap();
    });
    time("trend by month", &mut || {
        assert!(trend(&survey, &responses, &Headline::ServqualGap).len() >= 12);
    });
}
