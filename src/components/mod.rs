//! UI components, one per file.

pub mod chart_canvas;
pub mod chart_section;
pub mod chip;
pub mod control_bar;
pub mod data_table;
pub mod error_box;
pub mod range_picker;
pub mod segmented;
pub mod share_bar;
pub mod source_line;
