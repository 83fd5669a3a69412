//! A customer's services as the partner manages them: subscriptions, support
//! contacts, users and licenses.

use crate::wire;
use reseller_domain::ids::{TenantId, UserId};

op!(
    /// The customer's subscriptions sold by the partner.
    ListSubscriptions { customer: TenantId = "customer" },
    Get "/v1/customers/{customerId}/subscriptions", Partner, 200,
    "The customer's subscriptions sold by the partner", [NotFound, NoRelationship] => wire::Collection<wire::Subscription>
);

op!(
    /// Provisions a subscription.
    CreateSubscription { customer: TenantId = "customer"; body: wire::NewSubscription },
    Post "/v1/customers/{customerId}/subscriptions", Partner, 201,
    "Provisions a subscription from the catalogue (without delegated admin privileges: Azure plans only; never before the customer accepted the Microsoft Customer Agreement)", [NotFound, NoRelationship, InsufficientRole, Validation, McaRequired, DelegatedAdminRequired] => wire::Subscription
);

op!(
    /// Suspends, reactivates or changes the seats of a subscription.
    UpdateSubscription { customer: TenantId = "customer", subscription: uuid::Uuid = "subscription"; body: wire::SubscriptionPatch },
    Patch "/v1/customers/{customerId}/subscriptions/{subscriptionId}", Partner, 200,
    "Suspends or reactivates a subscription, or changes its seats (without delegated admin privileges: Azure plans only)", [NotFound, NoRelationship, InsufficientRole, Validation, NotEnoughSeats, DelegatedAdminRequired] => wire::Subscription
);

op!(
    /// Assigns a support contact (the partner or one of its indirect resellers).
    SetSupportContact { customer: TenantId = "customer", subscription: uuid::Uuid = "subscription"; body: wire::SupportContactRequest },
    Put "/v1/customers/{customerId}/subscriptions/{subscriptionId}/supportcontact", Partner, 200,
    "Assigns the subscription's support contact: the partner or one of its indirect resellers", [NotFound, NoRelationship, InsufficientRole, Validation] => wire::Subscription
);

op!(
    /// The customer's users and their licenses.
    ListCustomerUsers { customer: TenantId = "customer" },
    Get "/v1/customers/{customerId}/users", Partner, 200,
    "The customer's users and their licenses (needs delegated admin privileges)", [NotFound, NoRelationship, DelegatedAdminRequired] => wire::Collection<wire::CustomerUser>
);

op!(
    /// The SKUs the customer has seats of.
    ListSubscribedSkus { customer: TenantId = "customer" },
    Get "/v1/customers/{customerId}/subscribedskus", Partner, 200,
    "The SKUs the customer has seats of, bought and assigned (needs delegated admin privileges)", [NotFound, NoRelationship, DelegatedAdminRequired] => wire::Collection<wire::SubscribedSku>
);

op!(
    /// Assigns or removes a user's licenses.
    UpdateLicenses { customer: TenantId = "customer", user: UserId = "user"; body: wire::LicenseUpdate },
    Post "/v1/customers/{customerId}/users/{userId}/licenseupdates", Partner, 200,
    "Assigns or removes a user's licenses (within the seats bought; needs delegated admin privileges)", [NotFound, NoRelationship, InsufficientRole, Validation, NotEnoughSeats, DelegatedAdminRequired] => wire::CustomerUser
);
