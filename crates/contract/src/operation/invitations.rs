//! The partner's invitations: create, list, read, revoke, the draft email.

use crate::wire;
use reseller_domain::ids::InvitationId;

op!(
    /// Creates an invitation: its link and its draft email.
    CreateInvitation { ; body: wire::InvitationRequest },
    Post "/v1/invitations", Partner, 201,
    "Creates an invitation with its personalised link and draft email", [Validation, InsufficientRole, NotFound] => wire::Invitation
);

op!(
    /// The partner's invitations, newest first.
    ListInvitations {},
    Get "/v1/invitations", Partner, 200,
    "The partner's invitations, newest first", [] => wire::Collection<wire::Invitation>
);

op!(
    /// One invitation of the partner's.
    GetInvitation { invitation: InvitationId = "invitation" },
    Get "/v1/invitations/{invitationId}", Partner, 200,
    "One of the partner's invitations", [NotFound, InvitationNotFound] => wire::Invitation
);

op!(
    /// Revokes an invitation (and so its link).
    RevokeInvitation { invitation: InvitationId = "invitation" },
    Post "/v1/invitations/{invitationId}/revoke", Partner, 200,
    "Revokes a pending invitation; its link stops working", [NotFound, InvitationNotFound, InsufficientRole, Validation] => wire::Invitation
);

op!(
    /// Saves the draft email (and hands it over when `completedAt` is set).
    SaveDraft { invitation: InvitationId = "invitation"; body: wire::EmailDraft },
    Put "/v1/invitations/{invitationId}/draft", Partner, 200,
    "Saves the invitation's draft email; with completedAt, hands it over (the link must be in it unchanged)", [NotFound, InvitationNotFound, Validation] => wire::Invitation
);
