//! Service blueprints (服务蓝图): the pure domain (model, editing with undo, layout and
//! routing, analysis, CSV and JSON, samples), the stored blueprint book, and the pages:
//! the list, and one blueprint's editor (canvas, table, side panel, analysis). The
//! dashboard and Learn mount [`dashboard::BlueprintFigures`] and [`learn::BlueprintLessons`].

pub mod dashboard;
pub mod domain;
mod editor;
mod import_page;
pub mod learn;
mod list_page;
pub mod messages;
mod routes;
pub mod state;

pub use routes::BlueprintRoutes;
