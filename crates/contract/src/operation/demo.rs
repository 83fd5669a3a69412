//! The demo's own endpoints: identities, sign-in, new organizations, reset.

use super::NoContent;
use crate::wire;

op!(
    /// The demo's partners and customers, with their users.
    ListDemoIdentities {},
    Get "/v1/demo/identities", Anyone, 200,
    "The demo's partners and customers, with their users", [] => wire::DemoIdentities
);

op!(
    /// Signs a demo user in.
    DemoSignIn { ; body: wire::SignInRequest },
    Post "/v1/demo/sign-in", Anyone, 200,
    "Signs a demo user in (loopback only on the mock server)", [NotFound, InsufficientRole] => wire::Session
);

op!(
    /// Creates a demo customer organization and signs its administrator in.
    CreateDemoTenant { ; body: wire::NewTenant },
    Post "/v1/demo/tenants", Anyone, 201,
    "Creates a demo customer organization and signs its Global administrator in", [Validation, InsufficientRole] => wire::Session
);

op!(
    /// Restores the demo's seed.
    ResetDemo {},
    Post "/v1/demo/reset", Anyone, 204,
    "Restores the demo's seed data", [InsufficientRole] => NoContent
);

op!(
    /// Moves the demo's clock forward (the demo build and the mock server's
    /// tests: how approval windows and relationships are seen to expire).
    AdvanceDemoClock { ; body: wire::ClockAdvance },
    Post "/v1/demo/clock", Anyone, 200,
    "Moves the mock's clock forward by whole days (reset by the demo reset)", [Validation] => wire::DemoClock
);
