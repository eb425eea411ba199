pub mod document;
pub mod text;
