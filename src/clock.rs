//! The one place the app reads the clock for a date; pure code is passed `today` instead.

use chrono::NaiveDate;

/// Today in the user's own time zone (stage history, churn risk and recency count in
/// local days; a date typed in Beijing at 7 am is not "future").
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
