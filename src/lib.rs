pub mod document;
pub mod nlp;
pub mod text;
