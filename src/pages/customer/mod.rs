//! The customer's screens: the acceptance portal and partner relationships.

pub mod accept;
pub mod approve;
pub mod partners;
pub mod sign_in;
