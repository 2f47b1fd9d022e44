//! UI components, one per file.

pub mod chart_canvas;
pub mod chart_section;
pub mod chip;
pub mod control_bar;
pub mod data_table;
pub mod error_box;
pub mod event_list;
pub mod lens_notice;
pub mod lens_panel;
pub mod mini_bars;

pub mod lang_switch;
pub mod range_brush;
pub mod range_picker;
pub mod readout_strip;
pub mod segmented;
pub mod share_bar;
pub mod source_line;
pub mod story_bar;
