//! The acceptance portal, opened from the invitation link on the app's root
//! page in the portal of the partner's cloud: the link's own problems,
//! then the steps (sign in, checks, review with the agreement, done; one
//! file each).

mod checks;
mod done;
mod review;

use super::sign_in::{CustomerIdentity, CustomerSignIn};
use crate::api::error::{ApiError, ErrorCode};
use crate::api::op;
use crate::api::wire::{AcceptResponse, InvitationView};
use crate::components::{ErrorBanner, Loading, Outcome};
use crate::context::{ctx, href, tr, trf};
use crate::domain::cloud::Portal;
use crate::domain::link::LinkError;
use crate::domain::relationship::InvitationStatus;
use crate::i18n::Key;
use crate::routes::AppRoute;
use leptos::prelude::*;

use checks::{checks, ChecksView, PartnerFacts};
use done::{AlreadyAccepted, DoneView};
use review::Review;

/// A link on the root page that carries invitation parameters but cannot be
/// used: what is wrong with it, and what to do.
#[component]
pub fn DamagedLink(error: LinkError) -> impl IntoView {
    let c = ctx();
    let message = Signal::derive(move || {
        let lang = c.lang.get();
        match error {
            // A two-tier link without its provider has its own page.
            LinkError::IndirectWithoutProvider => crate::i18n::link_problem(lang, &error),
            _ => crate::i18n::format(
                lang,
                Key::LinkMalformed,
                &[&crate::i18n::link_problem(lang, &error)],
            ),
        }
    });
    view! { <LinkProblem message=message/> }
}

type ViewAnswer = Result<InvitationView, ApiError>;

thread_local! {
    /// The answer of [`read_early`], until the portal takes it.
    static EARLY: std::cell::RefCell<Option<futures_channel::oneshot::Receiver<ViewAnswer>>> =
        const { std::cell::RefCell::new(None) };
}

/// Starts reading the invitation of the link in the address bar before the
/// app is mounted, for a visitor who is not signed in (the portal's and the
/// landing build's start call it; nothing for another address or a visitor
/// with tokens or coming back from signing in): the answer is on its way
/// while the wasm builds the page instead of after (issue 12; one round
/// trip less before the page is ready, which on a phone's network is the
/// longest wait after the download). The portal's first read takes it ([`AcceptPortal`]); a visitor signed in meanwhile is
/// read again with their token.
pub fn read_early(c: crate::context::Ctx) {
    let signed_out = c.customer.with_untracked(Option::is_none)
        && c.auth().is_none_or(|a| {
            a.kept_tokens().is_none() && !crate::auth::is_callback(&crate::platform::search())
        });
    let invitation = matches!(
        crate::domain::link::recognise(&crate::platform::href()),
        crate::domain::link::RootLink::Invitation(_)
    );
    if !signed_out || !invitation {
        return;
    }
    let (answer, receiver) = futures_channel::oneshot::channel();
    EARLY.with(|e| *e.borrow_mut() = Some(receiver));
    let api = c.customer_api();
    let link = crate::platform::href();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = answer.send(api.call(op::ViewInvitation { link }).await);
    });
}

/// The portal for the link in the address bar. The invitation's public view
/// is read with the link alone (and with the customer's token once signed
/// in, to tell "you accepted this" from "another organization did").
#[component]
pub fn AcceptPortal() -> impl IntoView {
    let c = ctx();
    // Signed out in the demo, the page will offer its users: read them
    // alongside the invitation.
    #[cfg(feature = "demo")]
    if c.customer.get_untracked().is_none() && c.auth().is_none() {
        provide_context(crate::components::PrefetchedIdentities(
            crate::components::read_identities(),
        ));
    }
    let link = crate::platform::href();
    let view_res = crate::task::Read::new({
        let link = link.clone();
        move || {
            let signed_out = c.customer.with(Option::is_none);
            let early = EARLY.with(|e| e.borrow_mut().take()).filter(|_| signed_out);
            let api = c.customer_api();
            let link = link.clone();
            async move {
                if let Some(early) = early {
                    if let Ok(answer) = early.await {
                        return answer;
                    }
                }
                api.call(op::ViewInvitation { link }).await
            }
        }
    });
    let recheck = Callback::new(move |_| view_res.refetch());
    view! {
        {move || match view_res.get() {
            None => view! { <div class="page"><p role="status">{tr(Key::PortalLoading)}</p></div> }.into_any(),
            Some(Err(e)) => match problem_key(&e) {
                Some(key) => view! { <LinkProblem message=Signal::derive(move || tr(key)().to_string())/> }.into_any(),
                None => view! { <div class="page"><ErrorBanner what=Signal::derive(move || tr(Key::PortalLoading)().to_string()) error=e on_retry=Callback::new(move |_| view_res.refetch())/></div> }.into_any(),
            },
            Some(Ok(v)) => view! { <Portal view=v link=link.clone() recheck=recheck/> }.into_any(),
        }}
    }
    .into_any()
}

/// The dedicated message for errors that mean "this link cannot be used".
pub fn problem_key(e: &ApiError) -> Option<Key> {
    match e.code {
        ErrorCode::MalformedLink => Some(Key::LinkUnknown),
        ErrorCode::InvitationNotFound => Some(Key::LinkUnknown),
        ErrorCode::ProviderNotLinked => Some(Key::LinkProviderNotLinked),
        ErrorCode::LinkAltered => Some(Key::LinkAltered),
        ErrorCode::Revoked => Some(Key::LinkRevoked),
        ErrorCode::Expired => Some(Key::LinkExpired),
        ErrorCode::AcceptedByAnother => Some(Key::LinkTaken),
        _ => None,
    }
}

/// "This invitation link cannot be used": what is wrong and what to do.
#[component]
pub fn LinkProblem(message: Signal<String>) -> impl IntoView {
    Effect::new(|_| crate::platform::app_ready());
    view! {
        <div class="page narrow link-problem">
            <h1>{tr(Key::LinkProblemTitle)}</h1>
            <Outcome class="problem" urgent=true text=message/>
            <a class="button" href=href(AppRoute::Home)>{tr(Key::GoHome)}</a>
        </div>
    }
}

/// Where the customer is in accepting the invitation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Not signed in.
    SignIn,
    /// Signed in: the organization is checked against the invitation.
    Check,
    /// Checked: the agreement and the acceptance.
    Review,
    /// Accepted.
    Done,
}

/// The steps once the customer is signed in (the checks, the review with
/// the agreement, done), given to the portal by its site
/// ([`PortalApp`](crate::app::PortalApp) provides [`signed_in_steps`]). The
/// build of the portal's first page for a visitor who is not signed in
/// ([`LandingApp`](crate::app::LandingApp)) provides none, so it carries
/// none of their code: signing in leaves the page for the identity provider,
/// which comes back to the whole portal (issue 12).
#[derive(Clone, Copy)]
pub struct SignedInSteps(pub fn(StoredValue<InvitationView>, String, Callback<()>) -> Steps);

/// What [`SignedInSteps`] gives the portal: the step the customer is at and
/// what the signed-in steps show.
pub struct Steps {
    /// Signed out, checking, reviewing or done.
    pub step: Signal<Step>,
    /// The current signed-in step's content (nothing when signed out).
    pub shown: ViewFn,
}

#[component]
fn Portal(view: InvitationView, link: String, recheck: Callback<()>) -> impl IntoView {
    let portal = view.cloud.portal();
    let portal_class = match portal {
        Portal::Microsoft365AdminCenter => "portal portal-m365",
        Portal::OfficeAdminPortal => "portal portal-office",
    };
    let v = StoredValue::new(view.clone());
    let (step, signed_in) = match use_context::<SignedInSteps>() {
        Some(SignedInSteps(steps)) => {
            let Steps { step, shown } = steps(v, link, recheck);
            (step, Some(shown))
        }
        None => (Signal::stored(Step::SignIn), None),
    };
    let partner_name = view.partner_name.clone();
    let title_name = partner_name.clone();
    let accepted = view.status == Some(InvitationStatus::Accepted);
    view! {
        <div class=portal_class>
            <div class="portal-bar"><span class="portal-name">{tr(match portal { Portal::Microsoft365AdminCenter => Key::PortalM365, Portal::OfficeAdminPortal => Key::PortalOffice })}</span></div>
            <div class="page narrow">
                // The heading and the intro are what index.html paints before
                // the wasm runs (issue 12): the page keeps its largest text
                // from the first paint; the partner is named just under it.
                <h1>{tr(Key::PortalTitle)}</h1>
                <p class="invited-by">{move || trf(Key::InvitationFrom, &[&title_name])}</p>
                <p>{tr(Key::PortalIntro)}</p>
                <Stepper current=step/>
                <PartnerFacts view=view.clone()/>
                {move || match step.get() {
                    // Already accepted: said before anything is pressed.
                    Step::SignIn | Step::Check | Step::Review if accepted => {
                        view! { <AlreadyAccepted view=v.get_value()/> }.into_any()
                    }
                    Step::SignIn => view! { <CustomerSignIn cloud=v.get_value().cloud/> }.into_any(),
                    _ => signed_in.as_ref().map(|steps| steps.run()).into_any(),
                }}
            </div>
        </div>
    }
}

/// [`SignedInSteps`] of the whole portal: the step the customer is at
/// (signed out, checking, reviewing, done) and what each signed-in step shows.
pub fn signed_in_steps(
    v: StoredValue<InvitationView>,
    link: String,
    recheck: Callback<()>,
) -> Steps {
    let c = ctx();
    // Read once per sign-in: a change in another tab must not rebuild the
    // review under the user's hands (what was typed, a pending acceptance).
    let me = crate::task::Read::new(move || {
        let session = c.customer.get();
        let api = c.customer_api();
        async move {
            match session {
                None => Ok(None),
                Some(_) => api.call(op::GetMe {}).await.map(Some),
            }
        }
    });
    let result = RwSignal::new(None::<AcceptResponse>);
    let step = Signal::derive(move || {
        if result.get().is_some() {
            return Step::Done;
        }
        if c.customer.get().is_none() {
            return Step::SignIn;
        }
        match me.get() {
            Some(Ok(Some(m))) if checks(&v.get_value(), &m).iter().all(|(_, ok, _)| *ok) => {
                Step::Review
            }
            _ => Step::Check,
        }
    });
    let shown = ViewFn::from(move || {
        match step.get() {
            Step::SignIn => ().into_any(),
            Step::Done => {
                let r = result.get().expect("done has a result");
                view! { <DoneView response=r/> }.into_any()
            }
            Step::Check | Step::Review => match me.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(e)) => view! { <ErrorBanner what=Signal::derive(move || tr(Key::StepSignIn)().to_string()) error=e on_retry=Callback::new(move |_| me.refetch())/> }.into_any(),
                Some(Ok(None)) => view! { <Loading/> }.into_any(),
                Some(Ok(Some(m))) => {
                    // The checks (and the review with Accept) are on screen.
                    Effect::new(|_| crate::platform::app_ready());
                    let list = checks(&v.get_value(), &m);
                    let all_ok = list.iter().all(|(_, ok, _)| *ok);
                    let link = link.clone();
                    view! {
                        <CustomerIdentity/>
                        <ChecksView list=list name=m.user.display_name.clone()/>
                        {all_ok.then(|| view! { <Review view=v.get_value() me=m.clone() link=link result=result recheck=recheck/> })}
                    }.into_any()
                }
            },
    }
    });
    Steps { step, shown }
}

#[component]
fn Stepper(current: Signal<Step>) -> impl IntoView {
    let steps = [
        (Step::SignIn, Key::StepSignIn),
        (Step::Check, Key::StepCheck),
        (Step::Review, Key::StepReview),
        (Step::Done, Key::StepDone),
    ];
    view! {
        <ol class="stepper" aria-label=tr(Key::Progress)>
            {steps.into_iter().map(|(s, key)| view! {
                <li class:current=move || current.get() == s aria-current=move || (current.get() == s).then_some("step")>{tr(key)}</li>
            }).collect_view()}
        </ol>
    }
}
