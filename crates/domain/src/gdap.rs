//! Granular delegated admin privileges (GDAP): the Microsoft Entra built-in
//! roles this product offers, the role templates, and the rules of a
//! Microsoft Graph `delegatedAdminRelationship` (its name, duration,
//! auto-extension, status over time, what may change when, and which roles
//! grant which rights).
//!
//! Sources, cited at each rule: Microsoft Graph, "delegatedAdminRelationship
//! resource type",
//! <https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship>;
//! "Update delegatedAdminRelationship",
//! <https://learn.microsoft.com/graph/api/delegatedadminrelationship-update>;
//! Partner Center, "Introduction to granular delegated admin privileges
//! (GDAP)", <https://learn.microsoft.com/partner-center/customers/gdap-introduction>;
//! "Expire granular relationships and extend GDAP",
//! <https://learn.microsoft.com/partner-center/customers/expiring-gdap-relationships-and-auto-extend-gdap>;
//! Microsoft Entra, "Microsoft Entra built-in roles",
//! <https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference>.

use super::time::{self, Millis, DAY};
use serde::{Deserialize, Serialize};

/// A Microsoft Entra built-in role: its template id (the
/// `roleDefinitionId` Graph's `unifiedRoles` carry), its name and one line
/// on what it allows, in English and Portuguese.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntraRole {
    /// The role definition's template id (the same in every tenant).
    pub id: &'static str,
    /// Its name in English, as Microsoft Entra shows it.
    pub name: &'static str,
    /// Its name in Portuguese.
    pub name_pt: &'static str,
    /// What it allows, in English.
    pub about: &'static str,
    /// What it allows, in Portuguese.
    pub about_pt: &'static str,
}

/// Global Administrator's template id.
pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
/// User Administrator's template id.
pub const USER_ADMINISTRATOR: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
/// License Administrator's template id.
pub const LICENSE_ADMINISTRATOR: &str = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
/// Helpdesk Administrator's template id.
pub const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
/// Service Support Administrator's template id.
pub const SERVICE_SUPPORT_ADMINISTRATOR: &str = "f023fd81-a637-4b56-95fd-791ac0226033";
/// Security Reader's template id.
pub const SECURITY_READER: &str = "5d6b6bb7-de71-4623-b4af-96380a352509";
/// Security Operator's template id.
pub const SECURITY_OPERATOR: &str = "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f";
/// Global Reader's template id.
pub const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
/// Directory Readers' template id.
pub const DIRECTORY_READERS: &str = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b";

/// The built-in roles offered, most asked-for first; ids and descriptions
/// from "Microsoft Entra built-in roles" (see the module's sources).
pub const ROLES: &[EntraRole] = &[
    EntraRole { id: DIRECTORY_READERS, name: "Directory Readers", name_pt: "Leitores de Diretório", about: "Reads basic directory information.", about_pt: "Lê informações básicas do diretório." },
    EntraRole { id: GLOBAL_READER, name: "Global Reader", name_pt: "Leitor Global", about: "Reads everything a Global Administrator can, changes nothing.", about_pt: "Lê tudo o que um Administrador Global pode, sem alterar nada." },
    EntraRole { id: HELPDESK_ADMINISTRATOR, name: "Helpdesk Administrator", name_pt: "Administrador de Assistência Técnica", about: "Resets passwords of non-administrators and Helpdesk Administrators.", about_pt: "Redefine senhas de não administradores e de Administradores de Assistência Técnica." },
    EntraRole { id: SERVICE_SUPPORT_ADMINISTRATOR, name: "Service Support Administrator", name_pt: "Administrador de Suporte de Serviço", about: "Reads service health and opens and manages support requests with Microsoft.", about_pt: "Lê a integridade dos serviços e abre e gerencia solicitações de suporte com a Microsoft." },
    EntraRole { id: LICENSE_ADMINISTRATOR, name: "License Administrator", name_pt: "Administrador de Licenças", about: "Assigns, removes and updates product licenses of users and groups.", about_pt: "Atribui, remove e atualiza licenças de produtos de usuários e grupos." },
    EntraRole { id: USER_ADMINISTRATOR, name: "User Administrator", name_pt: "Administrador de Usuários", about: "Creates and manages users and groups, their licenses included.", about_pt: "Cria e gerencia usuários e grupos, incluindo suas licenças." },
    EntraRole { id: "966707d0-3269-4727-9be2-8c3a10f19b9d", name: "Password Administrator", name_pt: "Administrador de Senhas", about: "Resets passwords of non-administrators and Password Administrators.", about_pt: "Redefine senhas de não administradores e de Administradores de Senhas." },
    EntraRole { id: "c4e39bd9-1100-46d3-8c65-fb160da0071f", name: "Authentication Administrator", name_pt: "Administrador de Autenticação", about: "Sets and resets sign-in methods of non-administrators.", about_pt: "Define e redefine métodos de entrada de não administradores." },
    EntraRole { id: SECURITY_READER, name: "Security Reader", name_pt: "Leitor de Segurança", about: "Reads security information and reports.", about_pt: "Lê informações e relatórios de segurança." },
    EntraRole { id: SECURITY_OPERATOR, name: "Security Operator", name_pt: "Operador de Segurança", about: "Reads and manages security events and alerts.", about_pt: "Lê e gerencia eventos e alertas de segurança." },
    EntraRole { id: "194ae4cb-b126-40b2-bd5b-6091b380977d", name: "Security Administrator", name_pt: "Administrador de Segurança", about: "Manages security settings, policies and reports.", about_pt: "Gerencia configurações, políticas e relatórios de segurança." },
    EntraRole { id: "29232cdf-9323-42fd-ade2-1d097af3e4de", name: "Exchange Administrator", name_pt: "Administrador do Exchange", about: "Manages everything in Exchange Online.", about_pt: "Gerencia tudo no Exchange Online." },
    EntraRole { id: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", name: "SharePoint Administrator", name_pt: "Administrador do SharePoint", about: "Manages everything in SharePoint Online.", about_pt: "Gerencia tudo no SharePoint Online." },
    EntraRole { id: "69091246-20e8-4a56-aa4d-066075b2a7a8", name: "Teams Administrator", name_pt: "Administrador do Teams", about: "Manages everything in Microsoft Teams.", about_pt: "Gerencia tudo no Microsoft Teams." },
    EntraRole { id: "3a2c62db-5318-420d-8d74-23affee5d9d5", name: "Intune Administrator", name_pt: "Administrador do Intune", about: "Manages everything in Microsoft Intune: devices, apps, policies.", about_pt: "Gerencia tudo no Microsoft Intune: dispositivos, aplicativos, políticas." },
    EntraRole { id: "b0f54661-2d74-4c50-afa3-1ec803f12efe", name: "Billing Administrator", name_pt: "Administrador de Cobrança", about: "Makes purchases, manages subscriptions and support requests, reads billing.", about_pt: "Faz compras, gerencia assinaturas e solicitações de suporte, lê a cobrança." },
    EntraRole { id: GLOBAL_ADMINISTRATOR, name: "Global Administrator", name_pt: "Administrador Global", about: "Does everything in the organization: ask for it only when nothing less will do.", about_pt: "Faz tudo na organização: peça-o só quando nada menor servir." },
];

/// The role with template id `id`, if this product offers it.
pub fn role(id: &str) -> Option<&'static EntraRole> {
    ROLES.iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// A set of roles for one purpose, chosen with one press. Each is the least
/// a common job needs, as Partner Center's GDAP guidance asks ("least
/// privileged roles ... by task", "GDAP introduction"; see the module's
/// sources).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleTemplate {
    /// A stable name for the template (ids in the page).
    pub slug: &'static str,
    /// Its purpose, in English.
    pub purpose: &'static str,
    /// Its purpose, in Portuguese.
    pub purpose_pt: &'static str,
    /// The roles it chooses.
    pub roles: &'static [&'static str],
}

/// The templates offered.
pub const TEMPLATES: &[RoleTemplate] = &[
    RoleTemplate {
        slug: "helpdesk",
        purpose: "Helpdesk",
        purpose_pt: "Assistência técnica",
        roles: &[HELPDESK_ADMINISTRATOR, SERVICE_SUPPORT_ADMINISTRATOR],
    },
    RoleTemplate {
        slug: "licensing",
        purpose: "Licensing",
        purpose_pt: "Licenciamento",
        roles: &[LICENSE_ADMINISTRATOR, USER_ADMINISTRATOR],
    },
    RoleTemplate {
        slug: "security",
        purpose: "Security",
        purpose_pt: "Segurança",
        roles: &[SECURITY_READER, SECURITY_OPERATOR],
    },
    RoleTemplate {
        slug: "read-only",
        purpose: "Read only",
        purpose_pt: "Somente leitura",
        roles: &[GLOBAL_READER, DIRECTORY_READERS],
    },
];

/// The longest `displayName` ("Maximum length is 50 characters",
/// delegatedAdminRelationship resource type).
pub const MAX_NAME: usize = 50;
/// The shortest duration, in days (`P1D`).
pub const MIN_DAYS: i64 = 1;
/// The longest duration given in days or weeks: 730 days ("Must be a value
/// between P1D and P2Y inclusive", delegatedAdminRelationship resource type;
/// Partner Center counts P2Y as 730 days). A duration in years or months is
/// counted on the calendar and may reach P2Y itself.
pub const MAX_DAYS: i64 = 730;
/// The duration tools default to.
pub const DEFAULT_DURATION: &str = "P730D";
/// A request the customer has not approved within 90 days expires
/// ("GDAP introduction": "If the customer doesn't approve the request within
/// 90 days, it expires").
pub const APPROVAL_WINDOW: Millis = 90 * DAY;
/// What auto-extension adds each time the end is reached: 180 days
/// (`autoExtendDuration`'s only non-zero value, `P180D`).
pub const AUTO_EXTEND_DAYS: i64 = 180;

/// A relationship's `status` (delegatedAdminRelationshipStatus).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum AdminRelationshipStatus {
    /// Being written by the partner: the only status its properties change in.
    Created,
    /// Locked and sent: waiting for the customer's approval.
    ApprovalPending,
    /// Approved, not active yet.
    Approved,
    /// Becoming active.
    Activating,
    /// In force until `endDateTime`.
    Active,
    /// Close to its end.
    Expiring,
    /// Past its end (or its approval window).
    Expired,
    /// Termination asked for.
    TerminationRequested,
    /// Being terminated.
    Terminating,
    /// Terminated by the partner or the customer.
    Terminated,
}

impl AdminRelationshipStatus {
    /// Graph's name of the status.
    pub fn as_str(self) -> &'static str {
        use AdminRelationshipStatus::*;
        match self {
            Created => "created",
            ApprovalPending => "approvalPending",
            Approved => "approved",
            Activating => "activating",
            Active => "active",
            Expiring => "expiring",
            Expired => "expired",
            TerminationRequested => "terminationRequested",
            Terminating => "terminating",
            Terminated => "terminated",
        }
    }
    /// Whether its roles are in force.
    pub fn in_force(self) -> bool {
        matches!(self, Self::Active | Self::Expiring)
    }
    /// Whether it can still be terminated (pending or in force).
    pub fn may_terminate(self) -> bool {
        matches!(
            self,
            Self::Created | Self::ApprovalPending | Self::Active | Self::Expiring
        )
    }
}

/// What is wrong with a GDAP request, field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GdapProblem {
    /// No name.
    NameRequired,
    /// A name over [`MAX_NAME`] characters (the count given).
    NameTooLong(usize),
    /// Another of the partner's relationships has this name.
    NameTaken,
    /// Not an ISO 8601 duration of whole days.
    DurationUnreadable,
    /// Shorter than `P1D` or longer than `P2Y` (the days given).
    DurationOutOfRange(i64),
    /// No role chosen.
    NoRoles,
    /// A role this product does not know.
    UnknownRole(String),
    /// An `autoExtendDuration` other than `PT0S`, `P0D` or `P180D`.
    AutoExtendUnsupported,
    /// Auto-extension asked for with Global Administrator among the roles.
    AutoExtendWithGlobalAdmin,
    /// A change the relationship's status does not allow (the status).
    Locked(AdminRelationshipStatus),
}

impl GdapProblem {
    /// The request field it is about (Graph's property name).
    pub fn field(&self) -> &'static str {
        match self {
            Self::NameRequired | Self::NameTooLong(_) | Self::NameTaken => "displayName",
            Self::DurationUnreadable | Self::DurationOutOfRange(_) => "duration",
            Self::NoRoles | Self::UnknownRole(_) => "accessDetails",
            Self::AutoExtendUnsupported | Self::AutoExtendWithGlobalAdmin => "autoExtendDuration",
            Self::Locked(_) => "status",
        }
    }
    /// What is wrong and what to do, in English (for the API).
    pub fn message(&self) -> String {
        match self {
            Self::NameRequired => "displayName is required".into(),
            Self::NameTooLong(n) => format!("displayName has {n} characters; at most {MAX_NAME} are allowed"),
            Self::NameTaken => "displayName is already used by another of your admin relationships; choose another".into(),
            Self::DurationUnreadable => "duration must be an ISO 8601 duration of whole days, such as P730D".into(),
            Self::DurationOutOfRange(days) => format!("duration is {days} days; it must be from P1D to P2Y (730 days)"),
            Self::NoRoles => "accessDetails must name at least one role".into(),
            Self::UnknownRole(id) => format!("accessDetails names a role that is not a Microsoft Entra built-in role offered here: {}", id.chars().take(40).collect::<String>()),
            Self::AutoExtendUnsupported => "autoExtendDuration must be PT0S (off) or P180D".into(),
            Self::AutoExtendWithGlobalAdmin => "A relationship that includes Global Administrator cannot be auto-extended; remove Global Administrator or turn auto-extend off".into(),
            Self::Locked(s) => format!("The relationship is {}: this change is not allowed now", s.as_str()),
        }
    }
}

/// The name checked: present, at most [`MAX_NAME`] characters, not one of
/// `taken` (compared trimmed and ignoring case: "must be unique across all
/// delegated admin relationships of the partner").
pub fn check_name<'a>(
    name: &str,
    mut taken: impl Iterator<Item = &'a str>,
) -> Result<(), GdapProblem> {
    let name = name.trim();
    let count = name.chars().count();
    if count == 0 {
        return Err(GdapProblem::NameRequired);
    }
    if count > MAX_NAME {
        return Err(GdapProblem::NameTooLong(count));
    }
    if taken.any(|t| t.trim().to_lowercase() == name.to_lowercase()) {
        return Err(GdapProblem::NameTaken);
    }
    Ok(())
}

/// The duration's length in days from `from`, checked against `P1D`..`P2Y`.
pub fn check_duration(iso: &str, from: Millis) -> Result<i64, GdapProblem> {
    let iso = iso.trim();
    let days = time::duration_days(iso, from).ok_or(GdapProblem::DurationUnreadable)?;
    let calendar = iso.contains(['Y', 'M']);
    let max = if calendar {
        time::duration_days("P2Y", from).unwrap_or(MAX_DAYS)
    } else {
        MAX_DAYS
    };
    if days < MIN_DAYS || days > max {
        return Err(GdapProblem::DurationOutOfRange(days));
    }
    Ok(days)
}

/// The roles checked (at least one, each offered) and normalised: lower
/// case, duplicates dropped, in the order given.
pub fn check_roles(ids: &[String]) -> Result<Vec<String>, GdapProblem> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let r = role(id.trim()).ok_or_else(|| GdapProblem::UnknownRole(id.clone()))?;
        if !out.iter().any(|o| o == r.id) {
            out.push(r.id.to_string());
        }
    }
    if out.is_empty() {
        return Err(GdapProblem::NoRoles);
    }
    Ok(out)
}

/// Whether the roles include Global Administrator.
pub fn includes_global_admin(ids: &[String]) -> bool {
    ids.iter()
        .any(|id| id.eq_ignore_ascii_case(GLOBAL_ADMINISTRATOR))
}

/// Reads `autoExtendDuration` (`PT0S` and `P0D` are off, `P180D` on) and
/// checks it against the roles: "Don't autoextend GDAP with Global
/// Administrator" (Partner Center, "Expire granular relationships and extend
/// GDAP"): a relationship including Global Administrator cannot be
/// auto-extended.
pub fn check_auto_extend(iso: &str, roles: &[String]) -> Result<bool, GdapProblem> {
    let on = match iso.trim() {
        "" | "PT0S" | "P0D" => false,
        "P180D" => true,
        _ => return Err(GdapProblem::AutoExtendUnsupported),
    };
    if on && includes_global_admin(roles) {
        return Err(GdapProblem::AutoExtendWithGlobalAdmin);
    }
    Ok(on)
}

/// `autoExtendDuration` on the wire.
pub fn auto_extend_iso(on: bool) -> &'static str {
    if on {
        "P180D"
    } else {
        "PT0S"
    }
}

/// A duration of `days` as Graph writes it (`P730D`).
pub fn days_iso(days: i64) -> String {
    format!("P{days}D")
}

/// A change asked of an existing relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Its name, duration or roles.
    Properties,
    /// Auto-extension on or off.
    AutoExtend,
    /// Global Administrator taken out of its roles (nothing else).
    RemoveGlobalAdmin,
    /// Locked for the customer's approval.
    LockForApproval,
}

/// Whether a relationship in `status` allows `change` ("Update
/// delegatedAdminRelationship": "You can update this relationship when its
/// status property is created. You can update the autoExtendDuration
/// property when status is either created or active. You can only remove
/// the Microsoft Entra Global Administrator role when the status property is
/// active").
pub fn may_change(status: AdminRelationshipStatus, change: Change) -> Result<(), GdapProblem> {
    use AdminRelationshipStatus::*;
    let allowed = match change {
        Change::Properties | Change::LockForApproval => status == Created,
        Change::AutoExtend => matches!(status, Created | Active | Expiring),
        Change::RemoveGlobalAdmin => matches!(status, Active | Expiring),
    };
    if allowed {
        Ok(())
    } else {
        Err(GdapProblem::Locked(status))
    }
}

/// A relationship's stored facts, from which its status at any time follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifecycle {
    /// The status last set by an action (created, approvalPending, active,
    /// terminated).
    pub stored: AdminRelationshipStatus,
    /// When it was locked for approval.
    pub locked_at: Option<Millis>,
    /// When it became active.
    pub activated_at: Option<Millis>,
    /// When it was terminated.
    pub terminated_at: Option<Millis>,
    /// Its duration in days.
    pub days: i64,
    /// Whether it auto-extends.
    pub auto_extend: bool,
}

impl Lifecycle {
    /// Its status at `now`: a pending request past [`APPROVAL_WINDOW`] is
    /// expired; an active one past `activatedDateTime + duration` is expired
    /// unless it auto-extends, in which case its end rolls forward by 180 days
    /// as often as needed ("A GDAP with autoextend doesn't expire on the last
    /// day ... It rolls forward by six months").
    pub fn status(&self, now: Millis) -> AdminRelationshipStatus {
        use AdminRelationshipStatus::*;
        match self.stored {
            ApprovalPending if self.locked_at.is_some_and(|at| now >= at + APPROVAL_WINDOW) => {
                Expired
            }
            Active => match self.end(now) {
                Some(end) if now >= end => Expired,
                _ => Active,
            },
            other => other,
        }
    }

    /// Its `endDateTime` at `now`: activation plus duration, plus as many
    /// 180-day extensions as have started; when expired, the time it expired;
    /// when terminated, the time it was terminated.
    pub fn end(&self, now: Millis) -> Option<Millis> {
        if let Some(t) = self.terminated_at {
            return Some(t);
        }
        if self.stored == AdminRelationshipStatus::ApprovalPending {
            return self
                .locked_at
                .map(|at| at + APPROVAL_WINDOW)
                .filter(|end| now >= *end);
        }
        let first = self.activated_at? + self.days * DAY;
        if !self.auto_extend || now < first {
            return Some(first);
        }
        let step = AUTO_EXTEND_DAYS * DAY;
        Some(first + ((now - first) / step + 1) * step)
    }
}

/// How long before its end an in-force relationship that does not
/// auto-extend asks for the partner's attention: 30 days. Partner Center's
/// GDAP FAQ says to track relationships' expiry and prepare for renewal
/// ("use GDAP relationship analytics to track the expiry of GDAP
/// relationships"), that an active relationship may be set to auto-extend
/// while it is active, and that an expired one can only be requested again
/// ("GDAP frequently asked questions",
/// <https://learn.microsoft.com/partner-center/dap-faq>); the 30 days are
/// this product's choice, one month's notice to act.
pub const ENDING_SOON: Millis = 30 * DAY;

/// How long an expired relationship keeps asking for the partner's
/// attention (it is still listed among the expired ones after): 90 days,
/// this product's choice, as long as a request waits for approval.
pub const EXPIRED_RECENTLY: Millis = 90 * DAY;

/// What a relationship asks of the partner to keep its access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attention {
    /// In force, not auto-extending, ending within [`ENDING_SOON`]: turn
    /// auto-extend on (where allowed) or request it again.
    EndingSoon {
        /// Whole days left (0: less than a day).
        days: i64,
    },
    /// Locked and waiting for the customer's approval, which lapses
    /// [`APPROVAL_WINDOW`] after the request.
    AwaitingApproval {
        /// Whole days left to approve (0: less than a day).
        days: i64,
    },
    /// Ended on its own (its end or its approval window passed): its roles
    /// are gone until the partner requests them again.
    Expired {
        /// Whole days since it ended.
        days_ago: i64,
    },
    /// Nothing to do: in force for more than [`ENDING_SOON`] or
    /// auto-extending, approved and on its way, terminated, still being
    /// written, or expired and requested again.
    None,
}

impl Attention {
    /// What a relationship needs at `now`, from what Graph says of it: its
    /// `status`, `endDateTime` (`ends`), when it was sent for approval
    /// (`requested`: its `lastModifiedDateTime`, since nothing changes a
    /// relationship between the lock and the approval) and whether it
    /// auto-extends.
    pub fn of(
        status: AdminRelationshipStatus,
        ends: Option<Millis>,
        requested: Millis,
        auto_extend: bool,
        now: Millis,
    ) -> Attention {
        use AdminRelationshipStatus::*;
        let days_until = |t: Millis| (t - now).max(0) / DAY;
        match status {
            Active | Expiring => match ends {
                Some(end) if !auto_extend && end - now <= ENDING_SOON => Attention::EndingSoon {
                    days: days_until(end),
                },
                _ => Attention::None,
            },
            ApprovalPending => Attention::AwaitingApproval {
                days: days_until(requested + APPROVAL_WINDOW),
            },
            Expired => Attention::Expired {
                days_ago: ends.map_or(0, |end| (now - end).max(0) / DAY),
            },
            Created | Approved | Activating | TerminationRequested | Terminating | Terminated => {
                Attention::None
            }
        }
    }

    /// Whether the partner has something to do: an expired relationship
    /// only for [`EXPIRED_RECENTLY`].
    pub fn needed(self) -> bool {
        match self {
            Attention::Expired { days_ago } => days_ago * DAY < EXPIRED_RECENTLY,
            other => other != Attention::None,
        }
    }

    /// The list's order, most urgent first: what ends or lapses soonest
    /// (an approval window and a relationship's end alike), then what has
    /// expired, most recently first, then the rest.
    pub fn urgency(self) -> (u8, i64) {
        match self {
            Attention::EndingSoon { days } | Attention::AwaitingApproval { days } => (0, days),
            Attention::Expired { days_ago } => (1, days_ago),
            Attention::None => (2, 0),
        }
    }

    /// An expired relationship asks nothing more once its customer has
    /// another one, in force or waiting for approval, holding every role it
    /// held (`renewed`): the partner has requested them again.
    pub fn unless_renewed(self, renewed: bool) -> Attention {
        if matches!(self, Attention::Expired { .. }) && renewed {
            Attention::None
        } else {
            self
        }
    }
}

/// Whether auto-extend can be turned on for a relationship now: it is in
/// force, does not auto-extend yet and does not include Global
/// Administrator (see [`check_auto_extend`]).
pub fn may_turn_on_auto_extend(
    status: AdminRelationshipStatus,
    auto_extend: bool,
    roles: &[String],
) -> bool {
    status.in_force() && !auto_extend && !includes_global_admin(roles)
}

/// A right over a customer that admin roles grant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Right {
    /// Read the customer's users and assign or remove their licenses.
    ManageUsersAndLicenses,
}

impl Right {
    /// The roles that grant it (any one suffices): assigning licenses is
    /// `microsoft.directory/users/assignLicense`, which License Administrator,
    /// User Administrator and Global Administrator hold, Helpdesk
    /// Administrator not ("Microsoft Entra built-in roles").
    pub fn granted_by(self) -> &'static [&'static str] {
        match self {
            Right::ManageUsersAndLicenses => &[
                LICENSE_ADMINISTRATOR,
                USER_ADMINISTRATOR,
                GLOBAL_ADMINISTRATOR,
            ],
        }
    }
    /// Whether `roles` grant it.
    pub fn granted(self, roles: &[String]) -> bool {
        roles
            .iter()
            .any(|r| self.granted_by().iter().any(|g| g.eq_ignore_ascii_case(r)))
    }
}

/// The customer's approval link for relationship `id`: Microsoft's own is
/// `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}`;
/// this product's equivalent opens its customer portal's approval page on
/// the app's own host (`{base}customer/?adminRelationship={id}`), so it needs
/// no rewrite on a static host.
pub fn approval_link(base: &str, id: &str) -> String {
    let base = base.trim_end_matches('/');
    format!("{base}/customer/?{APPROVAL_PARAM}={id}")
}

/// Microsoft 365 admin center's approval link for relationship `id`.
pub fn microsoft_approval_link(id: &str) -> String {
    format!("https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}")
}

/// The query parameter of [`approval_link`].
pub const APPROVAL_PARAM: &str = "adminRelationship";

#[cfg(test)]
mod tests {
    use super::*;

    const FROM: Millis = 1_767_225_600_000; // 2026-01-01

    #[test]
    fn names_are_checked_for_length_and_uniqueness() {
        assert_eq!(
            check_name("  ", [].into_iter()),
            Err(GdapProblem::NameRequired)
        );
        assert_eq!(check_name(&"a".repeat(50), [].into_iter()), Ok(()));
        assert_eq!(
            check_name(&"é".repeat(51), [].into_iter()),
            Err(GdapProblem::NameTooLong(51))
        );
        assert_eq!(
            check_name(" Contoso GDAP ", ["contoso gdap"].into_iter()),
            Err(GdapProblem::NameTaken)
        );
        assert_eq!(
            check_name("Contoso GDAP 2", ["contoso gdap"].into_iter()),
            Ok(())
        );
    }

    #[test]
    fn durations_run_from_one_day_to_two_years() {
        assert_eq!(check_duration("P730D", FROM), Ok(730));
        assert_eq!(check_duration("P1D", FROM), Ok(1));
        assert_eq!(check_duration("P2Y", FROM), Ok(730));
        assert_eq!(
            check_duration("P731D", FROM),
            Err(GdapProblem::DurationOutOfRange(731))
        );
        assert_eq!(
            check_duration("P0D", FROM),
            Err(GdapProblem::DurationOutOfRange(0))
        );
        assert_eq!(
            check_duration("P2Y1D", FROM),
            Err(GdapProblem::DurationOutOfRange(731))
        );
        assert_eq!(
            check_duration("two years", FROM),
            Err(GdapProblem::DurationUnreadable)
        );
        assert_eq!(
            check_duration("PT12H", FROM),
            Err(GdapProblem::DurationUnreadable)
        );
        // Across a leap day P2Y is 731 calendar days, and allowed as P2Y.
        let leap = time::parse_rfc3339("2027-06-01T00:00:00Z").unwrap();
        assert_eq!(check_duration("P2Y", leap), Ok(731));
        assert_eq!(
            check_duration("P731D", leap),
            Err(GdapProblem::DurationOutOfRange(731))
        );
    }

    #[test]
    fn roles_are_known_and_at_least_one() {
        assert_eq!(check_roles(&[]), Err(GdapProblem::NoRoles));
        assert!(matches!(
            check_roles(&["nope".into()]),
            Err(GdapProblem::UnknownRole(_))
        ));
        let upper = HELPDESK_ADMINISTRATOR.to_uppercase();
        assert_eq!(
            check_roles(&[upper, HELPDESK_ADMINISTRATOR.into()]),
            Ok(vec![HELPDESK_ADMINISTRATOR.to_string()])
        );
        for t in TEMPLATES {
            for r in t.roles {
                assert!(role(r).is_some(), "{} names {r}", t.slug);
            }
        }
        let mut ids: Vec<_> = ROLES.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ROLES.len());
    }

    #[test]
    fn global_admin_cannot_auto_extend() {
        let ga = vec![GLOBAL_ADMINISTRATOR.to_string()];
        let hd = vec![HELPDESK_ADMINISTRATOR.to_string()];
        assert_eq!(
            check_auto_extend("P180D", &ga),
            Err(GdapProblem::AutoExtendWithGlobalAdmin)
        );
        assert_eq!(check_auto_extend("P180D", &hd), Ok(true));
        assert_eq!(check_auto_extend("PT0S", &ga), Ok(false));
        assert_eq!(check_auto_extend("P0D", &hd), Ok(false));
        assert_eq!(
            check_auto_extend("P90D", &hd),
            Err(GdapProblem::AutoExtendUnsupported)
        );
    }

    #[test]
    fn changes_follow_the_status() {
        use AdminRelationshipStatus::*;
        assert!(may_change(Created, Change::Properties).is_ok());
        assert_eq!(
            may_change(ApprovalPending, Change::Properties),
            Err(GdapProblem::Locked(ApprovalPending))
        );
        assert!(may_change(Active, Change::Properties).is_err());
        assert!(may_change(Active, Change::AutoExtend).is_ok());
        assert!(may_change(Created, Change::RemoveGlobalAdmin).is_err());
        assert!(may_change(Active, Change::RemoveGlobalAdmin).is_ok());
        assert!(may_change(ApprovalPending, Change::LockForApproval).is_err());
        assert!(may_change(Terminated, Change::AutoExtend).is_err());
    }

    #[test]
    fn requests_expire_after_ninety_days_and_relationships_at_their_end() {
        use AdminRelationshipStatus::*;
        let pending = Lifecycle {
            stored: ApprovalPending,
            locked_at: Some(FROM),
            activated_at: None,
            terminated_at: None,
            days: 30,
            auto_extend: false,
        };
        assert_eq!(pending.status(FROM + 89 * DAY), ApprovalPending);
        assert_eq!(pending.status(FROM + 90 * DAY), Expired);
        assert_eq!(pending.end(FROM + 90 * DAY), Some(FROM + 90 * DAY));
        let active = Lifecycle {
            stored: Active,
            activated_at: Some(FROM),
            ..pending
        };
        assert_eq!(active.end(FROM), Some(FROM + 30 * DAY));
        assert_eq!(active.status(FROM + 29 * DAY), Active);
        assert_eq!(active.status(FROM + 30 * DAY), Expired);
        let extends = Lifecycle {
            auto_extend: true,
            ..active
        };
        assert_eq!(extends.status(FROM + 400 * DAY), Active);
        assert_eq!(extends.end(FROM + 30 * DAY), Some(FROM + 210 * DAY));
        assert_eq!(extends.end(FROM + 211 * DAY), Some(FROM + 390 * DAY));
    }

    #[test]
    fn attention_comes_a_month_before_the_end_and_for_pending_and_expired() {
        use AdminRelationshipStatus::*;
        let now = FROM + 400 * DAY;
        let at = |status, ends: Option<Millis>, auto| Attention::of(status, ends, FROM, auto, now);
        assert_eq!(at(Active, Some(now + 31 * DAY), false), Attention::None);
        assert_eq!(
            at(Active, Some(now + 30 * DAY), false),
            Attention::EndingSoon { days: 30 }
        );
        assert_eq!(
            at(Active, Some(now + 60_000), false),
            Attention::EndingSoon { days: 0 }
        );
        assert_eq!(
            at(Expiring, Some(now + 3 * DAY - 1), false),
            Attention::EndingSoon { days: 2 }
        );
        // Auto-extending: its end rolls forward, nothing to do.
        assert_eq!(at(Active, Some(now + DAY), true), Attention::None);
        assert_eq!(
            at(Expired, Some(now - DAY), false),
            Attention::Expired { days_ago: 1 }
        );
        assert_eq!(at(Terminated, Some(now - DAY), false), Attention::None);
        assert_eq!(at(Created, None, false), Attention::None);
        // Approved: on its way, nothing left to approve.
        assert_eq!(at(Approved, None, false), Attention::None);
        // Pending: the 90-day window counts from the request.
        let pending = |requested| Attention::of(ApprovalPending, None, requested, false, now);
        assert_eq!(
            pending(now - 80 * DAY),
            Attention::AwaitingApproval { days: 10 }
        );
        assert_eq!(pending(now), Attention::AwaitingApproval { days: 90 });
        // Expired asks for 90 days, then is only listed.
        assert!(Attention::Expired { days_ago: 89 }.needed());
        assert!(!Attention::Expired { days_ago: 90 }.needed());
        assert!(!Attention::None.needed());
        // Most urgent first: what lapses soonest, whichever kind.
        let mut list = [
            Attention::None,
            Attention::Expired { days_ago: 40 },
            Attention::Expired { days_ago: 2 },
            Attention::AwaitingApproval { days: 2 },
            Attention::EndingSoon { days: 20 },
            Attention::EndingSoon { days: 3 },
        ];
        list.sort_by_key(|a| a.urgency());
        assert_eq!(
            list,
            [
                Attention::AwaitingApproval { days: 2 },
                Attention::EndingSoon { days: 3 },
                Attention::EndingSoon { days: 20 },
                Attention::Expired { days_ago: 2 },
                Attention::Expired { days_ago: 40 },
                Attention::None,
            ]
        );
        let expired = Attention::Expired { days_ago: 3 };
        assert_eq!(expired.unless_renewed(true), Attention::None);
        assert_eq!(expired.unless_renewed(false), expired);
        assert_eq!(
            Attention::EndingSoon { days: 2 }.unless_renewed(true),
            Attention::EndingSoon { days: 2 }
        );
    }

    #[test]
    fn auto_extend_turns_on_only_in_force_and_without_global_administrator() {
        use AdminRelationshipStatus::*;
        let helpdesk = vec![HELPDESK_ADMINISTRATOR.to_string()];
        let ga = vec![
            GLOBAL_ADMINISTRATOR.to_string(),
            HELPDESK_ADMINISTRATOR.to_string(),
        ];
        assert!(may_turn_on_auto_extend(Active, false, &helpdesk));
        assert!(!may_turn_on_auto_extend(Active, true, &helpdesk));
        assert!(!may_turn_on_auto_extend(Active, false, &ga));
        assert!(!may_turn_on_auto_extend(Expired, false, &helpdesk));
        assert!(!may_turn_on_auto_extend(ApprovalPending, false, &helpdesk));
    }

    #[test]
    fn only_licensing_roles_grant_users_and_licenses() {
        let r = Right::ManageUsersAndLicenses;
        assert!(!r.granted(&[
            HELPDESK_ADMINISTRATOR.into(),
            SERVICE_SUPPORT_ADMINISTRATOR.into()
        ]));
        assert!(r.granted(&[LICENSE_ADMINISTRATOR.into()]));
        assert!(r.granted(&[USER_ADMINISTRATOR.to_uppercase()]));
        assert!(r.granted(&[GLOBAL_ADMINISTRATOR.into()]));
    }

    #[test]
    fn the_approval_link_opens_the_customer_portal() {
        assert_eq!(
            approval_link("https://app.example/base/", "abc"),
            "https://app.example/base/customer/?adminRelationship=abc"
        );
    }
}
