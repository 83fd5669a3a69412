//! Granular delegated admin privileges (GDAP): the partner's relationships
//! (create, list, read, change, lock for approval, terminate), their access
//! assignments and the partner's security groups; the customer's view,
//! approval and termination; the rights they give; the demo clock.

use crate::backend::{fail, invalid_msg, ok, Answer, MockBackend};
use crate::state::{AccessAssignmentRecord, AdminRelationship, SecurityGroup, User};
use reseller_contract::error::{response as error_response, ErrorCode};
use reseller_contract::graph::{
    self, AccessAssignment, AccessContainer, AccessDetails, AssignmentStatus, GraphCollection,
    Participant, RequestAction, RequestStatus,
};
use reseller_contract::wire;
use reseller_contract::ApiResponse;
use reseller_domain::gdap::{self, AdminRelationshipStatus as Status, Change, GdapProblem, Right};
use reseller_domain::ids::{AdminRelationshipId, GroupId, TenantId};
use reseller_domain::relationship::{DelegatedAdmin, PartnerRole};
use reseller_domain::time::{self, Millis, DAY};

/// A GDAP rule broken, as the API answers it (400 naming the field).
pub(crate) fn problem(p: GdapProblem) -> ApiResponse {
    invalid_msg(p.field(), p.message())
}

/// The four security groups every partner tenant has, from its users'
/// roles: what access assignments name (Graph's `accessContainer`).
pub(crate) fn groups_of(users: &[User], partner: TenantId) -> Vec<SecurityGroup> {
    let (high, low) = partner.0.as_u64_pair();
    let members = |roles: &[PartnerRole]| {
        users
            .iter()
            .filter(|u| u.tenant == partner && u.partner_role.is_some_and(|r| roles.contains(&r)))
            .map(|u| u.id)
            .collect()
    };
    let group = |n: u64, name, description, roles: &[PartnerRole]| SecurityGroup {
        id: GroupId::from_parts(high ^ (0x6a00 + n), low),
        name,
        description,
        members: members(roles),
    };
    vec![
        group(
            1,
            "Admin agents",
            "Every Admin agent of the partner",
            &[PartnerRole::AdminAgent],
        ),
        group(
            2,
            "Helpdesk agents",
            "Every Helpdesk agent of the partner",
            &[PartnerRole::HelpdeskAgent],
        ),
        group(
            3,
            "Sales agents",
            "Every Sales agent of the partner",
            &[PartnerRole::SalesAgent],
        ),
        group(
            4,
            "Support desk",
            "Admin agents and Helpdesk agents",
            &[PartnerRole::AdminAgent, PartnerRole::HelpdeskAgent],
        ),
    ]
}

impl MockBackend {
    /// Refuses a partner user who may not manage GDAP: only Admin agents
    /// ("GDAP introduction": "Admin agent" is the role that creates and
    /// manages granular relationships), and not in the clouds that keep DAP.
    pub(crate) fn require_gdap_manager(&self, me: &User) -> Result<(), ApiResponse> {
        if !me.partner_role.is_some_and(PartnerRole::may_manage) {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only Admin agents can request and manage granular admin relationships",
            ));
        }
        let cloud = self.tenant(me.tenant).map(|t| t.cloud);
        if cloud.is_some_and(|c| c.requires_delegated_admin()) {
            return Err(invalid_msg(
                "gdap",
                format!(
                    "Granular admin relationships are not offered in {}: partners there request delegated admin privileges",
                    cloud.map(|c| c.name()).unwrap_or_default()
                ),
            ));
        }
        Ok(())
    }

    /// Checks a new relationship and adds it, status `created`.
    pub(crate) fn add_admin_relationship(
        &mut self,
        me: &User,
        body: &graph::NewAdminRelationship,
        customer: Option<TenantId>,
        app_base: Option<String>,
        now: Millis,
    ) -> Result<AdminRelationship, ApiResponse> {
        self.require_gdap_manager(me)?;
        let taken = self
            .state
            .admin_relationships
            .iter()
            .filter(|r| r.partner == me.tenant)
            .map(|r| r.display_name.as_str());
        gdap::check_name(&body.display_name, taken).map_err(problem)?;
        let days = gdap::check_duration(&body.duration, now).map_err(problem)?;
        let roles = gdap::check_roles(&body.access_details.ids()).map_err(problem)?;
        let auto_extend =
            gdap::check_auto_extend(&body.auto_extend_duration, &roles).map_err(problem)?;
        let customer = match customer {
            Some(c) => Some(c),
            None => match body.customer.as_ref().filter(|c| !c.tenant_id.is_empty()) {
                None => None,
                Some(c) => {
                    let id: TenantId = c.tenant_id.parse().map_err(|_| {
                        invalid_msg("customer", "customer.tenantId must be a tenant id (a GUID)")
                    })?;
                    // Only a customer of the partner's may be named.
                    self.customer_of(me, id)?;
                    Some(id)
                }
            },
        };
        let r = AdminRelationship {
            id: AdminRelationshipId::new_random(),
            partner: me.tenant,
            customer,
            display_name: body.display_name.trim().to_string(),
            duration: body.duration.trim().to_string(),
            days,
            roles,
            auto_extend,
            status: Status::Created,
            created_at: now,
            modified_at: now,
            locked_at: None,
            activated_at: None,
            terminated_at: None,
            app_base,
        };
        self.state.admin_relationships.push(r.clone());
        Ok(r)
    }

    /// Locks relationship `i` for approval.
    pub(crate) fn lock_for_approval(&mut self, i: usize, now: Millis) -> Result<(), ApiResponse> {
        let r = &mut self.state.admin_relationships[i];
        gdap::may_change(r.status_at(now), Change::LockForApproval).map_err(problem)?;
        r.status = Status::ApprovalPending;
        r.locked_at = Some(now);
        r.modified_at = now;
        Ok(())
    }

    /// Terminates relationship `i` (pending or in force).
    pub(crate) fn terminate_admin(&mut self, i: usize, now: Millis) -> Result<(), ApiResponse> {
        let r = &mut self.state.admin_relationships[i];
        let status = r.status_at(now);
        if !status.may_terminate() {
            return Err(problem(GdapProblem::Locked(status)));
        }
        r.status = Status::Terminated;
        r.terminated_at = Some(now);
        r.modified_at = now;
        Ok(())
    }

    /// The relationship as Graph shows it; `for_customer` adds the partner,
    /// otherwise the approval link while pending.
    pub(crate) fn admin_wire(
        &self,
        r: &AdminRelationship,
        now: Millis,
        for_customer: bool,
    ) -> graph::DelegatedAdminRelationship {
        let status = r.status_at(now);
        let participant = |t: TenantId| Participant {
            tenant_id: t.to_string(),
            display_name: self.tenant(t).map(|t| t.name).unwrap_or_default(),
        };
        let end = match status {
            Status::Active | Status::Expiring | Status::Expired | Status::Terminated => {
                r.lifecycle().end(now)
            }
            _ => None,
        };
        let mut wire = graph::DelegatedAdminRelationship {
            etag: None,
            id: r.id.to_string(),
            display_name: r.display_name.clone(),
            duration: r.duration.clone(),
            customer: r.customer.map(participant),
            access_details: AccessDetails::of(&r.roles),
            status,
            auto_extend_duration: gdap::auto_extend_iso(r.auto_extend).into(),
            created_date_time: time::to_rfc3339(r.created_at),
            last_modified_date_time: Some(time::to_rfc3339(r.modified_at)),
            activated_date_time: r.activated_at.map(time::to_rfc3339),
            end_date_time: end.map(time::to_rfc3339),
            partner: None,
            approval_link: None,
        };
        // The version: a hash of what a read shows of it (either side's
        // extras left out, so both sides see one version). Any change a
        // reader could see gives a new one, its status turning with the
        // clock included.
        let body = serde_json::to_string(&wire).unwrap_or_default();
        wire.etag = Some(format!(
            "W/\"{}\"",
            reseller_contract::request_hash("GET", &wire.id, &body)
        ));
        wire.partner = for_customer.then(|| participant(r.partner));
        wire.approval_link = (!for_customer && status == Status::ApprovalPending)
            .then(|| {
                r.app_base
                    .as_deref()
                    .map(|b| gdap::approval_link(b, &r.id.to_string()))
            })
            .flatten();
        wire
    }

    fn own_admin(&self, me: &User, id: &AdminRelationshipId) -> Result<usize, ApiResponse> {
        self.state
            .admin_relationships
            .iter()
            .position(|r| r.id == *id && r.partner == me.tenant)
            .ok_or_else(|| {
                fail(
                    ErrorCode::NotFound,
                    "No such admin relationship for this partner",
                )
            })
    }

    /// A relationship the customer caller may see: its own, or (holding its
    /// approval link) one waiting for approval that names no customer yet.
    fn visible_to_customer(
        &self,
        me: &User,
        id: &AdminRelationshipId,
    ) -> Result<usize, ApiResponse> {
        self.state
            .admin_relationships
            .iter()
            .position(|r| {
                r.id == *id
                    && r.status != Status::Created
                    && r.customer.is_none_or(|c| c == me.tenant)
            })
            .ok_or_else(|| {
                fail(
                    ErrorCode::NotFound,
                    "No such admin relationship for this organization",
                )
            })
    }

    pub(crate) fn security_groups(&self, me: &User) -> Answer {
        let value = groups_of(&self.state.users, me.tenant)
            .into_iter()
            .map(|g| graph::Group {
                id: g.id.to_string(),
                display_name: g.name.into(),
                description: Some(g.description.into()),
                security_enabled: true,
            })
            .collect();
        ok(200, &GraphCollection::of(value))
    }

    pub(crate) fn create_admin_relationship(
        &mut self,
        me: &User,
        body: graph::NewAdminRelationship,
        now: Millis,
    ) -> Answer {
        let r = self.add_admin_relationship(me, &body, None, None, now)?;
        ok(201, &self.admin_wire(&r, now, false))
    }

    /// One page of the partner's relationships, newest first, as Graph
    /// pages them (`$top` at most 300; the next page's `$skiptoken` is
    /// where it starts, in this mock the count of those before it).
    pub(crate) fn list_admin_relationships(
        &self,
        me: &User,
        op: &reseller_contract::operation::ListAdminRelationships,
        now: Millis,
    ) -> Answer {
        use reseller_contract::operation::ADMIN_RELATIONSHIPS_PAGE;
        let customer = op.customer;
        let mine: Vec<&AdminRelationship> = self
            .state
            .admin_relationships
            .iter()
            .rev()
            .filter(|r| r.partner == me.tenant && (customer.is_none() || r.customer == customer))
            .collect();
        let start = match op.skip_token.as_deref() {
            None => 0,
            Some(token) => token
                .parse::<usize>()
                .ok()
                .filter(|n| *n <= mine.len())
                .ok_or_else(|| {
                    invalid_msg(
                        "$skiptoken",
                        "$skiptoken is not one this service gave: start again from the first page",
                    )
                })?,
        };
        let top = op.top.unwrap_or(ADMIN_RELATIONSHIPS_PAGE) as usize;
        let end = (start + top).min(mine.len());
        let value = mine[start..end]
            .iter()
            .map(|r| self.admin_wire(r, now, false))
            .collect();
        let next_link = (end < mine.len()).then(|| {
            reseller_contract::operation::Operation::path(
                &reseller_contract::operation::ListAdminRelationships {
                    customer,
                    top: op.top,
                    skip_token: Some(end.to_string()),
                },
            )
        });
        ok(200, &GraphCollection { value, next_link })
    }

    pub(crate) fn get_admin_relationship(
        &self,
        me: &User,
        id: AdminRelationshipId,
        now: Millis,
    ) -> Answer {
        let i = self.own_admin(me, &id)?;
        ok(
            200,
            &self.admin_wire(&self.state.admin_relationships[i], now, false),
        )
    }

    pub(crate) fn update_admin_relationship(
        &mut self,
        me: &User,
        id: AdminRelationshipId,
        if_match: &str,
        patch: graph::AdminRelationshipPatch,
        now: Millis,
    ) -> Answer {
        self.require_gdap_manager(me)?;
        let i = self.own_admin(me, &id)?;
        let current = self.state.admin_relationships[i].clone();
        let version = self.admin_wire(&current, now, false).etag;
        if version.as_deref() != Some(if_match) {
            return Err(fail(
                ErrorCode::Changed,
                format!(
                    "The relationship changed since the version in If-Match was read (its @odata.etag is now {}): read it again",
                    version.unwrap_or_default()
                ),
            ));
        }
        let status = current.status_at(now);
        let mut next = current.clone();
        let properties = patch.display_name.is_some() || patch.duration.is_some();
        if let Some(details) = &patch.access_details {
            let roles = gdap::check_roles(&details.ids()).map_err(problem)?;
            let without_ga: Vec<String> = current
                .roles
                .iter()
                .filter(|r| !r.eq_ignore_ascii_case(gdap::GLOBAL_ADMINISTRATOR))
                .cloned()
                .collect();
            let removes_ga_only = gdap::includes_global_admin(&current.roles)
                && !gdap::includes_global_admin(&roles)
                && roles.len() == without_ga.len()
                && roles.iter().all(|r| without_ga.contains(r));
            if status == Status::Created {
                gdap::may_change(status, Change::Properties).map_err(problem)?;
            } else if removes_ga_only {
                gdap::may_change(status, Change::RemoveGlobalAdmin).map_err(problem)?;
            } else {
                return Err(invalid_msg(
                    "accessDetails",
                    format!("The relationship is {}: its roles can change only while it is created, and Global Administrator can only be removed while it is active", status.as_str()),
                ));
            }
            next.roles = roles;
        }
        if properties {
            let field = if patch.display_name.is_some() {
                "displayName"
            } else {
                "duration"
            };
            gdap::may_change(status, Change::Properties).map_err(|p| {
                invalid_msg(
                    field,
                    format!(
                        "{field} can be changed only while the relationship is created; it is {}",
                        match p {
                            GdapProblem::Locked(s) => s.as_str(),
                            _ => "locked",
                        }
                    ),
                )
            })?;
        }
        if let Some(name) = &patch.display_name {
            let taken = self
                .state
                .admin_relationships
                .iter()
                .filter(|r| r.partner == me.tenant && r.id != id)
                .map(|r| r.display_name.as_str());
            gdap::check_name(name, taken).map_err(problem)?;
            next.display_name = name.trim().into();
        }
        if let Some(duration) = &patch.duration {
            next.days = gdap::check_duration(duration, now).map_err(problem)?;
            next.duration = duration.trim().into();
        }
        if let Some(auto) = &patch.auto_extend_duration {
            gdap::may_change(status, Change::AutoExtend).map_err(problem)?;
            next.auto_extend = gdap::check_auto_extend(auto, &next.roles).map_err(problem)?;
        } else if next.auto_extend && gdap::includes_global_admin(&next.roles) {
            return Err(problem(GdapProblem::AutoExtendWithGlobalAdmin));
        }
        // An extension already started stays when auto-extension is turned off.
        if current.auto_extend && !next.auto_extend {
            if let (Some(end), Some(at)) = (current.lifecycle().end(now), current.activated_at) {
                next.days = (end - at) / DAY;
            }
        }
        next.modified_at = now;
        self.state.admin_relationships[i] = next.clone();
        ok(200, &self.admin_wire(&next, now, false))
    }

    pub(crate) fn admin_relationship_request(
        &mut self,
        me: &User,
        id: AdminRelationshipId,
        body: graph::NewRelationshipRequest,
        now: Millis,
    ) -> Answer {
        self.require_gdap_manager(me)?;
        let i = self.own_admin(me, &id)?;
        match body.action {
            RequestAction::LockForApproval => self.lock_for_approval(i, now)?,
            RequestAction::Terminate => self.terminate_admin(i, now)?,
            RequestAction::Approve => {
                return Err(invalid_msg(
                    "action",
                    "Only the customer approves a relationship, in its own portal",
                ))
            }
        }
        ok(
            201,
            &graph::DelegatedAdminRelationshipRequest {
                id: uuid::Uuid::new_v4().to_string(),
                action: body.action,
                status: RequestStatus::Succeeded,
                created_date_time: time::to_rfc3339(now),
                last_modified_date_time: Some(time::to_rfc3339(now)),
            },
        )
    }

    fn assignment_wire(a: &AccessAssignmentRecord) -> AccessAssignment {
        AccessAssignment {
            id: a.id.to_string(),
            access_container: AccessContainer {
                access_container_id: a.group.to_string(),
                access_container_type: "securityGroup".into(),
            },
            access_details: AccessDetails::of(&a.roles),
            status: AssignmentStatus::Active,
            created_date_time: time::to_rfc3339(a.created_at),
            last_modified_date_time: Some(time::to_rfc3339(a.created_at)),
        }
    }

    pub(crate) fn list_access_assignments(&self, me: &User, id: AdminRelationshipId) -> Answer {
        self.own_admin(me, &id)?;
        let value = self
            .state
            .access_assignments
            .iter()
            .filter(|a| a.relationship == id)
            .map(Self::assignment_wire)
            .collect();
        ok(200, &GraphCollection::of(value))
    }

    pub(crate) fn create_access_assignment(
        &mut self,
        me: &User,
        id: AdminRelationshipId,
        body: graph::NewAccessAssignment,
        now: Millis,
    ) -> Answer {
        self.require_gdap_manager(me)?;
        let i = self.own_admin(me, &id)?;
        let r = &self.state.admin_relationships[i];
        let status = r.status_at(now);
        if !status.in_force() {
            return Err(invalid_msg(
                "status",
                format!("Security groups can be assigned only once the customer approved the relationship; it is {}", status.as_str()),
            ));
        }
        if body.access_container.access_container_type != "securityGroup" {
            return Err(invalid_msg(
                "accessContainer",
                "accessContainerType must be securityGroup",
            ));
        }
        let group: GroupId = body
            .access_container
            .access_container_id
            .parse()
            .ok()
            .filter(|g| {
                groups_of(&self.state.users, me.tenant)
                    .iter()
                    .any(|x| x.id == *g)
            })
            .ok_or_else(|| {
                invalid_msg(
                    "accessContainer",
                    "accessContainerId is not one of your security groups",
                )
            })?;
        let roles = gdap::check_roles(&body.access_details.ids()).map_err(problem)?;
        if let Some(missing) = roles.iter().find(|x| !r.roles.contains(x)) {
            let name = gdap::role(missing).map_or(missing.as_str(), |r| r.name);
            return Err(invalid_msg(
                "accessDetails",
                format!("{name} is not a role this relationship grants: only its approved roles can be assigned"),
            ));
        }
        let record = match self
            .state
            .access_assignments
            .iter_mut()
            .find(|a| a.relationship == id && a.group == group)
        {
            // One assignment per group: assigning it again sets its roles.
            Some(existing) => {
                existing.roles = roles;
                existing.clone()
            }
            None => {
                let record = AccessAssignmentRecord {
                    id: uuid::Uuid::new_v4(),
                    relationship: id.clone(),
                    group,
                    roles,
                    created_at: now,
                };
                self.state.access_assignments.push(record.clone());
                record
            }
        };
        ok(201, &Self::assignment_wire(&record))
    }

    pub(crate) fn tenant_admin_relationships(&self, me: &User, now: Millis) -> Answer {
        let mut value: Vec<_> = self
            .state
            .admin_relationships
            .iter()
            .filter(|r| r.customer == Some(me.tenant) && r.status != Status::Created)
            .map(|r| self.admin_wire(r, now, true))
            .collect();
        value.reverse();
        ok(200, &GraphCollection::of(value))
    }

    pub(crate) fn tenant_admin_relationship(
        &self,
        me: &User,
        id: AdminRelationshipId,
        now: Millis,
    ) -> Answer {
        let i = self.visible_to_customer(me, &id)?;
        ok(
            200,
            &self.admin_wire(&self.state.admin_relationships[i], now, true),
        )
    }

    /// The customer approves all of a pending relationship's roles: "Only a
    /// Global administrator of the customer approves" ("GDAP introduction":
    /// the customer's Global administrator approves in the Microsoft 365
    /// admin center), and the customer cannot edit the roles, only approve
    /// them all. The relationship becomes active at once (Graph passes
    /// through approved and activating; this mock does not wait).
    pub(crate) fn approve_admin(
        &mut self,
        me: &User,
        id: AdminRelationshipId,
        now: Millis,
    ) -> Answer {
        let i = self.visible_to_customer(me, &id)?;
        if !me.customer_role.is_some_and(|r| r.may_accept()) {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only a Global administrator of the organization can approve a partner's admin roles",
            ));
        }
        let r = &mut self.state.admin_relationships[i];
        match r.status_at(now) {
            Status::ApprovalPending => {}
            Status::Expired => {
                return Err(fail(
                    ErrorCode::Expired,
                    "This request was not approved within 90 days and has expired; ask the partner for a new one",
                ))
            }
            Status::Active if r.customer == Some(me.tenant) => {
                // Approved already (a second press, another tab).
                let r = r.clone();
                return ok(200, &self.admin_wire(&r, now, true));
            }
            s => return Err(problem(GdapProblem::Locked(s))),
        }
        r.customer = Some(me.tenant);
        r.status = Status::Active;
        r.activated_at = Some(now);
        r.modified_at = now;
        let r = r.clone();
        ok(200, &self.admin_wire(&r, now, true))
    }

    pub(crate) fn terminate_tenant_admin(
        &mut self,
        me: &User,
        id: AdminRelationshipId,
        now: Millis,
    ) -> Answer {
        let i = self.visible_to_customer(me, &id)?;
        if self.state.admin_relationships[i].customer != Some(me.tenant) {
            return Err(fail(
                ErrorCode::NotFound,
                "No such admin relationship for this organization",
            ));
        }
        if !me.customer_role.is_some_and(|r| r.may_remove_admin()) {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only a Global administrator of the organization can end a partner's admin relationship",
            ));
        }
        self.terminate_admin(i, now)?;
        let r = self.state.admin_relationships[i].clone();
        ok(200, &self.admin_wire(&r, now, true))
    }

    /// Whether `me` holds `right` over `customer`: delegated admin
    /// privileges (DAP), or an active relationship granting one of the
    /// right's roles to a security group `me` belongs to (GDAP: "roles are
    /// assigned to security groups ... agents in those groups get the
    /// access", "GDAP introduction"). Refused with the roles that would
    /// grant it.
    pub(crate) fn require_right(
        &self,
        me: &User,
        customer: TenantId,
        dap: DelegatedAdmin,
        right: Right,
        now: Millis,
    ) -> Result<(), ApiResponse> {
        if dap == DelegatedAdmin::Active {
            return Ok(());
        }
        let groups = groups_of(&self.state.users, me.tenant);
        let mine = |g: &GroupId| {
            groups
                .iter()
                .any(|x| x.id == *g && x.members.contains(&me.id))
        };
        let granted = self
            .state
            .admin_relationships
            .iter()
            .filter(|r| r.partner == me.tenant && r.customer == Some(customer))
            .filter(|r| r.status_at(now).in_force())
            .any(|r| {
                self.state.access_assignments.iter().any(|a| {
                    a.relationship == r.id
                        && mine(&a.group)
                        && right.granted(&a.roles)
                        && right.granted(&r.roles)
                })
            });
        if granted {
            return Ok(());
        }
        Err(error_response(
            ErrorCode::DelegatedAdminRequired,
            "Managing this customer's users and licenses needs delegated admin privileges, or an active admin relationship granting License Administrator or User Administrator to a security group you belong to",
            right.granted_by().iter().map(|r| r.to_string()).collect(),
        ))
    }

    pub(crate) fn advance_clock(&mut self, body: wire::ClockAdvance, now: Millis) -> Answer {
        if !(1..=1000).contains(&body.days) {
            return Err(invalid_msg(
                "days",
                "days must be a whole number from 1 to 1000",
            ));
        }
        self.state.clock_days = self.state.clock_days.saturating_add(body.days).min(10_000);
        let now = now + i64::from(body.days) * DAY;
        ok(
            200,
            &wire::DemoClock {
                now: time::to_rfc3339(now),
                days_ahead: self.state.clock_days,
            },
        )
    }
}
