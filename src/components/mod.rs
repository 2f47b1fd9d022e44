//! UI components, one per file.

pub mod burn_section;
pub mod chart_canvas;
pub mod chip;
pub mod correlation_section;
pub mod error_box;
pub mod flows_section;
pub mod range_picker;
pub mod segmented;
pub mod share_bar;
pub mod source_line;
