//! Microsoft Graph's JSON shapes for granular delegated admin privileges:
//! `delegatedAdminRelationship`, its requests and access assignments, the
//! partner's security groups, Graph's collection envelope and error body.
//!
//! Shapes from Microsoft Graph v1.0, "delegatedAdminRelationship resource
//! type" (<https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship>),
//! "delegatedAdminRelationshipRequest"
//! (<https://learn.microsoft.com/graph/api/resources/delegatedadminrelationshiprequest>),
//! "delegatedAdminAccessAssignment"
//! (<https://learn.microsoft.com/graph/api/resources/delegatedadminaccessassignment>),
//! and Graph's error responses (<https://learn.microsoft.com/graph/errors>);
//! `tests/fixtures/graph/` holds Microsoft's sample payloads they must read.
//! Fields Graph has that this product does not use are ignored when read.

use reseller_domain::gdap::AdminRelationshipStatus;
use serde::{Deserialize, Serialize};

/// Graph's collection: `{ "value": [...], "@odata.nextLink": ... }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "GraphCollectionOf{T}"))]
pub struct GraphCollection<T> {
    /// This page's items.
    pub value: Vec<T>,
    /// The next page's address, when there is one.
    #[serde(
        rename = "@odata.nextLink",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_link: Option<String>,
}

impl<T> GraphCollection<T> {
    /// A single-page collection.
    pub fn of(value: Vec<T>) -> Self {
        Self {
            value,
            next_link: None,
        }
    }

    /// Where the next page starts: the `$skiptoken` of `@odata.nextLink`
    /// (Graph's is an absolute URL, this contract's mock a path; "Paging
    /// Microsoft Graph data in your app": the link is used as given, its
    /// token is opaque), decoded. `None` on the last page.
    pub fn skip_token(&self) -> Option<String> {
        let link = self.next_link.as_deref()?;
        let query = link.split_once('?')?.1;
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            reseller_domain::link::percent_decode(k)
                .eq_ignore_ascii_case("$skiptoken")
                .then(|| reseller_domain::link::percent_decode(v))
                .filter(|v| !v.is_empty())
        })
    }
}

/// Graph's error body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GraphErrorBody {
    /// The error.
    pub error: GraphError,
}

/// Graph's `error` object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GraphError {
    /// The code (this contract's table, `ErrorCode::graph_code`).
    pub code: String,
    /// An English description.
    pub message: String,
    /// Details: one per field that is wrong, named in `target`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<GraphErrorDetail>,
}

/// One detail of a Graph error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GraphErrorDetail {
    /// Its code.
    pub code: String,
    /// Its description.
    pub message: String,
    /// The field it is about.
    #[serde(default)]
    pub target: Option<String>,
}

/// One role of `accessDetails.unifiedRoles`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UnifiedRole {
    /// The Microsoft Entra role definition's template id.
    pub role_definition_id: String,
}

/// `delegatedAdminAccessDetails`: the roles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AccessDetails {
    /// The roles.
    #[serde(default)]
    pub unified_roles: Vec<UnifiedRole>,
}

impl AccessDetails {
    /// Access details naming `ids`.
    pub fn of<S: AsRef<str>>(ids: &[S]) -> Self {
        Self {
            unified_roles: ids
                .iter()
                .map(|id| UnifiedRole {
                    role_definition_id: id.as_ref().to_string(),
                })
                .collect(),
        }
    }
    /// The role ids.
    pub fn ids(&self) -> Vec<String> {
        self.unified_roles
            .iter()
            .map(|r| r.role_definition_id.clone())
            .collect()
    }
}

/// `delegatedAdminRelationshipCustomerParticipant` (and, in this contract's
/// customer-side answers, the partner: same shape).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    /// Tenant id.
    #[serde(default)]
    pub tenant_id: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
}

/// A `delegatedAdminRelationship`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DelegatedAdminRelationship {
    /// Its version: "Each delegatedAdminRelationship object contains an
    /// @odata.etag property as per RFC2616" ("List
    /// delegatedAdminRelationships",
    /// <https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships>).
    /// A change sends it back as `If-Match`
    /// ([`UpdateAdminRelationship`](crate::operation::UpdateAdminRelationship)).
    #[serde(
        rename = "@odata.etag",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub etag: Option<String>,
    /// Id.
    pub id: String,
    /// Name, unique among the partner's relationships (≤ 50 characters).
    pub display_name: String,
    /// ISO 8601 duration, `P1D` to `P2Y`.
    pub duration: String,
    /// The customer (set by the partner, or by the system on approval).
    #[serde(default)]
    pub customer: Option<Participant>,
    /// The roles.
    pub access_details: AccessDetails,
    /// Status.
    pub status: AdminRelationshipStatus,
    /// `PT0S` (off) or `P180D`.
    #[serde(default)]
    pub auto_extend_duration: String,
    /// Created (ISO 8601, UTC).
    pub created_date_time: String,
    /// Last changed.
    #[serde(default)]
    pub last_modified_date_time: Option<String>,
    /// When it became active.
    #[serde(default)]
    pub activated_date_time: Option<String>,
    /// When it ends (or ended): `activatedDateTime + duration`.
    #[serde(default)]
    pub end_date_time: Option<String>,
    /// This contract's extension, customer side: the partner asking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Participant>,
    /// This contract's extension, partner side: the customer's approval link
    /// on this app's host (while approval is pending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_link: Option<String>,
}

/// `POST /tenantRelationships/delegatedAdminRelationships`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewAdminRelationship {
    /// Name.
    pub display_name: String,
    /// Duration.
    pub duration: String,
    /// The customer, when the partner knows it.
    #[serde(default)]
    pub customer: Option<Participant>,
    /// The roles.
    pub access_details: AccessDetails,
    /// `PT0S` (default) or `P180D`.
    #[serde(default)]
    pub auto_extend_duration: String,
}

/// `PATCH /tenantRelationships/delegatedAdminRelationships/{id}`: the
/// properties to change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AdminRelationshipPatch {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// New duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// New roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_details: Option<AccessDetails>,
    /// Auto-extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_extend_duration: Option<String>,
}

impl AdminRelationshipPatch {
    /// Whether `r` already holds everything this change sets (role ids
    /// compared as sets, case aside): a change refused because the
    /// relationship changed meanwhile (412) asked for nothing more.
    pub fn holds_for(&self, r: &DelegatedAdminRelationship) -> bool {
        let same_roles = |d: &AccessDetails| {
            let (want, have) = (d.ids(), r.access_details.ids());
            let has = |a: &[String], b: &[String]| {
                a.iter()
                    .all(|x| b.iter().any(|y| y.eq_ignore_ascii_case(x)))
            };
            has(&want, &have) && has(&have, &want)
        };
        self.display_name
            .as_ref()
            .is_none_or(|n| *n == r.display_name)
            && self.duration.as_ref().is_none_or(|d| *d == r.duration)
            && self
                .auto_extend_duration
                .as_ref()
                .is_none_or(|a| *a == r.auto_extend_duration)
            && self.access_details.as_ref().is_none_or(same_roles)
    }
}

/// A request's action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RequestAction {
    /// Locks a created relationship and sends it for approval.
    LockForApproval,
    /// Approves (the customer's action; refused to the partner).
    Approve,
    /// Terminates a pending or active relationship.
    Terminate,
}

/// `POST .../{id}/requests`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewRelationshipRequest {
    /// The action.
    pub action: RequestAction,
}

/// A request's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RequestStatus {
    /// Received.
    Created,
    /// Running.
    Pending,
    /// Done.
    Succeeded,
    /// Failed.
    Failed,
}

/// A `delegatedAdminRelationshipRequest`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DelegatedAdminRelationshipRequest {
    /// Id.
    pub id: String,
    /// The action.
    pub action: RequestAction,
    /// Its status (this mock acts at once: `succeeded`).
    pub status: RequestStatus,
    /// Created.
    pub created_date_time: String,
    /// Last changed.
    #[serde(default)]
    pub last_modified_date_time: Option<String>,
}

/// `accessContainer`: the partner's security group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AccessContainer {
    /// The group's id.
    pub access_container_id: String,
    /// `securityGroup`.
    pub access_container_type: String,
}

/// `POST .../{id}/accessAssignments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewAccessAssignment {
    /// The group.
    pub access_container: AccessContainer,
    /// The roles (each one the relationship grants).
    pub access_details: AccessDetails,
}

/// An assignment's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum AssignmentStatus {
    /// Being applied.
    Pending,
    /// In force.
    Active,
    /// Being removed.
    Deleting,
    /// Removed.
    Deleted,
    /// Failed.
    Error,
}

/// A `delegatedAdminAccessAssignment`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AccessAssignment {
    /// Id.
    pub id: String,
    /// The group.
    pub access_container: AccessContainer,
    /// The roles.
    pub access_details: AccessDetails,
    /// Status.
    pub status: AssignmentStatus,
    /// Created.
    pub created_date_time: String,
    /// Last changed.
    #[serde(default)]
    pub last_modified_date_time: Option<String>,
}

/// A security group of the partner's tenant (Graph's `group`, the fields
/// used here).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// Id.
    pub id: String,
    /// Name.
    pub display_name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is a security group.
    #[serde(default)]
    pub security_enabled: bool,
}

/// The demo clock moved forward (`POST /v1/demo/clock`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ClockAdvance {
    /// Days to move forward (1 to 1000).
    pub days: u32,
}

/// The demo clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DemoClock {
    /// The mock's time now (RFC 3339).
    pub now: String,
    /// Days it runs ahead of the real clock.
    pub days_ahead: u32,
}

#[cfg(test)]
mod tests {
    use super::GraphCollection;

    #[test]
    fn the_next_page_starts_at_the_links_skip_token() {
        let page = |link: Option<&str>| GraphCollection::<u8> {
            value: Vec::new(),
            next_link: link.map(str::to_string),
        };
        // Graph's own: an absolute URL, the token opaque and encoded.
        assert_eq!(
            page(Some("https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300&$skiptoken=RFNwdAIAAQAAAA%3D%3D")).skip_token().as_deref(),
            Some("RFNwdAIAAQAAAA==")
        );
        assert_eq!(
            page(Some(
                "/v1.0/tenantRelationships/delegatedAdminRelationships?%24skiptoken=300"
            ))
            .skip_token()
            .as_deref(),
            Some("300")
        );
        assert_eq!(page(None).skip_token(), None);
        assert_eq!(page(Some("/v1.0/x?$top=5")).skip_token(), None);
        assert_eq!(page(Some("/v1.0/x?$skiptoken=")).skip_token(), None);
    }

    #[test]
    fn a_change_holds_when_the_relationship_already_has_what_it_sets() {
        use super::{AccessDetails, AdminRelationshipPatch, DelegatedAdminRelationship};
        let r: DelegatedAdminRelationship = serde_json::from_value(serde_json::json!({
            "id": "r1", "displayName": "Contoso", "duration": "P730D",
            "accessDetails": { "unifiedRoles": [{ "roleDefinitionId": "AA" }, { "roleDefinitionId": "bb" }] },
            "status": "active", "autoExtendDuration": "P180D", "createdDateTime": "2026-01-01T00:00:00Z"
        }))
        .unwrap();
        let auto = |a: &str| AdminRelationshipPatch {
            auto_extend_duration: Some(a.into()),
            ..Default::default()
        };
        let roles = |ids: &[&str]| AdminRelationshipPatch {
            access_details: Some(AccessDetails::of(ids)),
            ..Default::default()
        };
        assert!(auto("P180D").holds_for(&r));
        assert!(!auto("PT0S").holds_for(&r));
        assert!(
            roles(&["BB", "aa"]).holds_for(&r),
            "the same roles, in any order and case"
        );
        assert!(!roles(&["aa"]).holds_for(&r), "one role fewer");
        assert!(!roles(&["aa", "bb", "cc"]).holds_for(&r), "one role more");
        assert!(AdminRelationshipPatch::default().holds_for(&r));
        let renamed = AdminRelationshipPatch {
            display_name: Some("Fabrikam".into()),
            ..auto("P180D")
        };
        assert!(!renamed.holds_for(&r), "every field it sets must hold");
    }
}
