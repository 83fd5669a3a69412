//! Draft email page: To, subject and body editable, the link set apart and
//! guarded, mailto / copy / Done. Edits are kept in `localStorage` at once and
//! saved to the backend shortly after typing stops.

use super::PartnerFrame;
use crate::api::op;
use crate::api::wire::{EmailDraft, Invitation};
use crate::components::{CopyButton, ErrorBanner, Fetched, Outcome, TextField};
use crate::context::{ctx, go, tr, trf};
use crate::domain::email::{
    check_link, line_before, mailto, restore_link, LinkCheck, MAILTO_SAFE_LENGTH,
};
use crate::domain::validate;
use crate::i18n::{self, Key};
use crate::platform;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// `/partner/invitations/:id/draft`.
#[component]
pub fn DraftPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    view! { <PartnerFrame current=AppRoute::Invitations>{move || view! { <DraftLoader id=id()/> }}</PartnerFrame> }
}

#[component]
fn DraftLoader(id: String) -> impl IntoView {
    let c = ctx();
    let invitation = crate::task::Read::new(move || {
        let api = c.partner_api();
        let id = id.clone();
        async move {
            let invitation = crate::api::client::id(&id)?;
            api.call(op::GetInvitation { invitation }).await
        }
    });
    view! {
        <Fetched resource=invitation what=Signal::derive(move || tr(Key::DraftTitle)().to_string()) let:value>
            {
                let inv = value;
                view! { <DraftEditor invitation=inv/> }.into_any()
            }
        </Fetched>
    }
}

/// The editor for one invitation's draft.
#[component]
pub fn DraftEditor(invitation: Invitation) -> impl IntoView {
    let c = ctx();
    let key = format!("draft.{}", invitation.id);
    let local: Option<EmailDraft> =
        platform::load(&key).and_then(|s| crate::domain::json::from_str(&s).ok());
    let start = local.unwrap_or_else(|| invitation.draft.clone());
    let to = RwSignal::new(start.to);
    let subject = RwSignal::new(start.subject);
    let start_body = start.body.clone();
    // The page is built again when who is signed in changes.
    let may_edit = untrack(|| c.may_invite());
    let body = RwSignal::new(start.body);
    let link = invitation.link.clone();
    let link_check = {
        let link = link.clone();
        Signal::derive(move || check_link(&body.get(), &link))
    };
    let link_ok = Signal::derive(move || link_check.get() == LinkCheck::Intact);
    // The admin roles' approval link, when the invitation asks for GDAP:
    // guarded like the invitation's own.
    let admin_link = invitation
        .admin_relationship
        .as_ref()
        .and_then(|r| r.approval_link.clone());
    let admin_check = {
        let admin_link = admin_link.clone();
        Signal::derive(move || {
            admin_link
                .as_ref()
                .map_or(LinkCheck::Intact, |l| check_link(&body.get(), l))
        })
    };
    let admin_ok = Signal::derive(move || admin_check.get() == LinkCheck::Intact);
    let to_error = Signal::derive(move || {
        to.get()
            .split([',', ';'])
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .find_map(|a| validate::email(a).err())
            .map(|p| i18n::problem(c.lang.get(), p))
    });
    let subject_error = Signal::derive(move || {
        validate::required_text(&subject.get(), 255)
            .err()
            .map(|p| i18n::problem(c.lang.get(), p))
    });
    let ready = Signal::derive(move || {
        link_ok.get() && admin_ok.get() && to_error.get().is_none() && subject_error.get().is_none()
    });
    let mailto_url = Signal::derive(move || mailto(&to.get(), &subject.get(), &body.get()));
    let copy_text = Signal::derive(move || format!("{}\n\n{}", subject.get(), body.get()));
    let save_state = RwSignal::new(Key::DraftSaved);
    // Whether this page has saved (its first "Draft saved" is not news).
    let saved_here = StoredValue::new(false);
    // Plain cells, not reactive values: the delayed save may run after the
    // page is gone (the user pressed Done or left), and must not touch
    // anything disposed with it. It still sends the edit, so leaving within
    // the delay loses nothing; it only stops reporting on this page.
    let generation = Arc::new(AtomicU64::new(0));
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    let target = crate::api::client::id::<crate::domain::ids::InvitationId>(&invitation.id);
    // The last edit taken from another tab, as it kept it.
    let adopted = StoredValue::new(String::new());
    // Keep every keystroke locally; save to the backend after a pause.
    let persist = {
        let key = key.clone();
        let target = target.clone();
        let generation = generation.clone();
        let alive = alive.clone();
        move || {
            let draft = EmailDraft {
                to: to.get_untracked(),
                subject: subject.get_untracked(),
                body: body.get_untracked(),
                completed_at: None,
            };
            let kept = serde_json::to_string(&draft).unwrap_or_default();
            // Taken from another tab's edit (which that tab saves; compared
            // with what was taken, not with what is stored, as that tab may
            // have typed on since), or kept as it is already.
            if adopted.with_value(|a| *a == kept)
                || platform::load(&key).as_deref() == Some(kept.as_str())
            {
                return;
            }
            c.save_local(&key, &kept);
            // This tab's own edit from here on: going back to the taken
            // text (an undo, a deletion) is an edit to save too.
            adopted.set_value(String::new());
            saved_here.set_value(true);
            save_state.set(Key::DraftSaving);
            let mine = generation.fetch_add(1, Ordering::Relaxed) + 1;
            let api = c.partner_api();
            let target = target.clone();
            let generation = generation.clone();
            let alive = alive.clone();
            leptos::task::spawn_local(async move {
                crate::api::sleep_ms(600).await;
                if generation.load(Ordering::Relaxed) != mine {
                    return;
                }
                let result = match target {
                    Ok(invitation) => api
                        .call(op::SaveDraft {
                            invitation,
                            body: draft,
                        })
                        .await
                        .map(|_| ()),
                    Err(e) => Err(e),
                };
                if alive.load(Ordering::Relaxed) && generation.load(Ordering::Relaxed) == mine {
                    let outcome = match result {
                        Ok(_) => Key::DraftSaved,
                        Err(e) if e.code == crate::api::error::ErrorCode::StorageFull => {
                            Key::DraftNotKept
                        }
                        Err(_) => Key::DraftSaveFailed,
                    };
                    save_state.try_set(outcome);
                }
            });
        }
    };
    // Another tab's edit of this draft shows here at once, so typing on in
    // this tab goes on from it instead of saving over it.
    let watched = format!("{}{key}", platform::PREFIX);
    let superseded = generation.clone();
    let other_tab = window_event_listener(leptos::ev::storage, move |e| {
        let kept = (e.key().as_deref() == Some(watched.as_str()))
            .then(|| e.new_value())
            .flatten();
        let edit = kept.and_then(|v| {
            let d = crate::domain::json::from_str::<EmailDraft>(&v).ok();
            adopted.set_value(v);
            d
        });
        if let Some(d) = edit {
            // A save of this tab's waiting to go out would send an older
            // text over the one taken: it is dropped (that tab saves its own).
            superseded.fetch_add(1, Ordering::Relaxed);
            to.set(d.to);
            subject.set(d.subject);
            body.set(d.body);
            save_state.set(Key::DraftUpdatedElsewhere);
        }
    });
    on_cleanup(move || other_tab.remove());
    let persist_to = persist.clone();
    let persist_subject = persist.clone();
    let persist_body = persist.clone();
    let persist_restore = persist.clone();
    let persist_restore_admin = persist.clone();
    Effect::new(move |prev: Option<()>| {
        to.track();
        if prev.is_some() {
            persist_to()
        }
    });
    Effect::new(move |prev: Option<()>| {
        subject.track();
        if prev.is_some() {
            persist_subject()
        }
    });
    Effect::new(move |prev: Option<()>| {
        body.track();
        if prev.is_some() {
            persist_body()
        }
    });
    // Where each link was when the page opened: a removed one goes back there.
    let link_anchor = line_before(&start_body, &link);
    let admin_anchor = admin_link
        .as_deref()
        .and_then(|l| line_before(&start_body, l));
    let restore = {
        let link = link.clone();
        move |_| {
            body.update(|b| *b = restore_link(b, &link, link_anchor.as_deref()));
            persist_restore();
            c.toast(i18n::text(c.lang.get_untracked(), Key::LinkRestored).into());
            platform::focus("draft-body");
        }
    };
    let restore_admin = {
        let admin_link = admin_link.clone().unwrap_or_default();
        move |_| {
            body.update(|b| *b = restore_link(b, &admin_link, admin_anchor.as_deref()));
            persist_restore_admin();
            c.toast(i18n::text(c.lang.get_untracked(), Key::LinkRestored).into());
            platform::focus("draft-body");
        }
    };
    let finish = crate::task::Write::new(move |_: &()| {
        let draft = EmailDraft {
            to: to.get_untracked(),
            subject: subject.get_untracked(),
            body: body.get_untracked(),
            completed_at: Some(String::new()),
        };
        let api = c.partner_api();
        let target = target.clone();
        async move {
            api.call(op::SaveDraft {
                invitation: target?,
                body: draft,
            })
            .await
        }
    });
    let customer = invitation.customer_name.clone();
    let done_key = key.clone();
    let done_generation = generation.clone();
    Effect::new(move |_| {
        if let Some(Ok(_)) = finish.value().get() {
            // Done carried the whole draft: a pending delayed save is moot.
            done_generation.fetch_add(1, Ordering::Relaxed);
            platform::remove(&done_key);
            c.changed();
            let message = if customer.is_empty() {
                i18n::text(c.lang.get_untracked(), Key::InvitationReadyAnon).to_string()
            } else {
                i18n::format(c.lang.get_untracked(), Key::InvitationReady, &[&customer])
            };
            c.toast(message);
            go(AppRoute::Invitations);
        }
    });
    let link_shown = link.clone();
    view! {
        <div class="page">
            <h1>{tr(Key::DraftTitle)}</h1>
            <p>{tr(Key::DraftIntro)}</p>
            <section class="link-box" aria-labelledby="link-heading">
                <h2 id="link-heading">{tr(Key::PersonalisedLink)}</h2>
                <code class="link-text">{link_shown.clone()}</code>
                <p class="help">{tr(Key::LinkExtension)}</p>
                <div class="row"><CopyButton id="copy-link" text=Signal::derive(move || link_shown.clone()) label=Key::CopyLink/></div>
            </section>
            {admin_link.clone().map(|l| {
                let shown = l.clone();
                view! {
                    <section class="link-box" aria-labelledby="admin-link-heading">
                        <h2 id="admin-link-heading">{tr(Key::AdminLinkTitle)}</h2>
                        <code class="link-text" id="admin-link">{shown}</code>
                        <div class="row"><CopyButton id="copy-admin-link" text=Signal::derive(move || l.clone()) label=Key::CopyAdminLink/></div>
                    </section>
                }
            })}
            // Only a role that may invite changes or hands over the email
            // (the backend refuses the rest too); the link stays to copy.
            {if !may_edit {
                view! { <p class="notice" role="note">{move || trf(Key::CannotEditDraft, &[c.partner_role_name()])}</p> }.into_any()
            } else { view! {
            <form class="draft" on:submit=|ev| ev.prevent_default()>
                <TextField id="draft-to" label=Key::To value=to error=to_error input_type="email"/>
                <TextField id="draft-subject" label=Key::Subject value=subject error=subject_error required=true/>
                <div class="field" class:invalid=move || !link_ok.get()>
                    <label for="draft-body">{tr(Key::Body)}</label>
                    <textarea id="draft-body" rows="16" aria-invalid=move || (!link_ok.get() || !admin_ok.get()).to_string()
                        aria-describedby=move || match (link_ok.get(), admin_ok.get()) {
                            (false, false) => Some("link-warning admin-link-warning"),
                            (false, true) => Some("link-warning"),
                            (true, false) => Some("admin-link-warning"),
                            (true, true) => None,
                        }
                        prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                    <Show when=move || !link_ok.get()>
                        <div class="field-error" id="link-warning" role="alert">
                            <p>{move || tr(if link_check.get() == LinkCheck::AlteredCopy { Key::LinkAlteredCopy } else { Key::LinkMissing })()}</p>
                            <button type="button" on:click=restore.clone()>{tr(Key::PutLinkBack)}</button>
                        </div>
                    </Show>
                    <Show when=move || !admin_ok.get()>
                        <div class="field-error" id="admin-link-warning" role="alert">
                            <p>{move || tr(if admin_check.get() == LinkCheck::AlteredCopy { Key::AdminLinkAlteredCopy } else { Key::AdminLinkMissing })()}</p>
                            <button type="button" on:click=restore_admin.clone()>{tr(Key::RestoreAdminLink)}</button>
                        </div>
                    </Show>
                </div>
                // Each save's outcome is announced once; "Saving…" only shows.
                {move || match save_state.get() {
                    // Saving, or nothing saved on this page yet (the draft as it was kept).
                    state if state == Key::DraftSaving || !saved_here.get_value() => view! { <p class="save-state muted">{tr(state)}</p> }.into_any(),
                    outcome => view! { <Outcome class="save-state muted" urgent={outcome != Key::DraftSaved} text=Signal::derive(move || tr(outcome)().to_string())/> }.into_any(),
                }}
                <Show when=move || { mailto_url.get().len() > MAILTO_SAFE_LENGTH }>
                    <p class="notice" role="note">{move || trf(Key::MailtoTooLong, &[&mailto_url.get().len().to_string(), &MAILTO_SAFE_LENGTH.to_string()])}</p>
                </Show>
                <div class="actions">
                    <Show when=move || ready.get() fallback=|| view! { <button type="button" id="open-mail" disabled>{tr(Key::OpenInMail)}</button> }>
                        <a class="button" id="open-mail" href=move || mailto_url.get()>{tr(Key::OpenInMail)}</a>
                    </Show>
                    <CopyButton id="copy-email" text=copy_text label=Key::CopyToClipboard disabled=Signal::derive(move || !ready.get())/>
                    <button type="button" class="primary" disabled=move || !ready.get() || finish.pending().get() on:click=move |_| { finish.dispatch(()); }>
                        {tr(Key::Done)}
                    </button>
                </div>
                {move || finish.value().get().and_then(Result::err).map(|e| view! {
                    <ErrorBanner what=Signal::derive(move || tr(Key::Done)().to_string()) error=e on_retry=Callback::new(move |_| { finish.dispatch(()); })/>
                })}
            </form>
            }.into_any() }}
        </div>
    }
}
