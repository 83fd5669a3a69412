//! The conformance scenarios, one file per resource; each runs against every
//! implementation of the contract.

pub mod acceptance;
pub mod customers;
pub mod demo;
pub mod gdap;
pub mod invitations;
pub mod two_tier;
