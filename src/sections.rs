//! The app's sections, listed once: the navigation, the dashboard's cards and the
//! router all read this list (each section declares its own routes beside its pages).

use crate::i18n::Msg;
use crate::paths;

/// One entry of the main navigation.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// Its address (see [`paths`]).
    pub path: &'static str,
    pub label: Msg,
    /// The end of its navigation link's test id (`nav-{id}`).
    pub id: &'static str,
    /// What the dashboard's card says of it; `None`: no card.
    pub summary: Option<Msg>,
}

/// Every section, in menu order.
pub const SECTIONS: [Section; 7] = [
    Section {
        path: paths::DASHBOARD,
        label: Msg::NavDashboard,
        id: "dashboard",
        summary: None,
    },
    Section {
        path: paths::CUSTOMERS,
        label: Msg::NavCustomers,
        id: "customers",
        summary: Some(Msg::CustomersPlanned),
    },
    Section {
        path: paths::SURVEYS,
        label: Msg::NavSurveys,
        id: "surveys",
        summary: Some(Msg::SurveysPlanned),
    },
    Section {
        path: paths::BLUEPRINTS,
        label: Msg::NavBlueprints,
        id: "blueprints",
        summary: Some(Msg::BlueprintsPlanned),
    },
    Section {
        path: paths::CREDIT,
        label: Msg::NavCredit,
        id: "credit",
        summary: Some(Msg::CreditPlanned),
    },
    Section {
        path: paths::LEARN,
        label: Msg::NavLearn,
        id: "learn",
        summary: Some(Msg::LearnPlanned),
    },
    Section {
        path: paths::SETTINGS,
        label: Msg::NavSettings,
        id: "settings",
        summary: None,
    },
];
