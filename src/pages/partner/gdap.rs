//! The GDAP request's fields, checked as typed: the relationship's name
//! (length, unique among the partner's), its duration (presets or days),
//! its roles (from templates that name their purpose, or one by one from
//! the Microsoft Entra built-in roles) and auto-extension (never with Global
//! Administrator). The rules are `domain::gdap`'s.

use crate::api::graph::{AccessDetails, NewAdminRelationship};
use crate::components::TextField;
use crate::context::{ctx, tr, trf};
use crate::domain::gdap::{self, GdapProblem};
use crate::i18n::{self, Key};
use leptos::prelude::*;

/// The duration presets, in days (30 days, 1 year, 2 years); 0 is "another
/// number of days".
pub const PRESETS: [(u32, Key); 4] = [
    (30, Key::Days30),
    (365, Key::Year1),
    (730, Key::Years2),
    (0, Key::CustomDays),
];

/// What the partner typed and chose for a GDAP request.
#[derive(Clone, Copy)]
pub struct GdapForm {
    /// Whether GDAP is requested at all.
    pub on: RwSignal<bool>,
    /// The relationship's name.
    pub name: RwSignal<String>,
    /// The chosen preset (days), 0 for a number of days typed.
    pub preset: RwSignal<u32>,
    /// The days typed.
    pub days: RwSignal<String>,
    /// The chosen roles' template ids, in the order chosen.
    pub roles: RwSignal<Vec<String>>,
    /// Auto-extension asked for.
    pub auto_extend: RwSignal<bool>,
    /// Whether the form was submitted once (problems show from then on,
    /// except the name's, which shows as typed).
    pub submitted: RwSignal<bool>,
    /// The partner's other relationships' names.
    pub taken: RwSignal<Vec<String>>,
}

impl Default for GdapForm {
    fn default() -> Self {
        Self::new()
    }
}

impl GdapForm {
    /// An empty form: off, two years, no roles.
    pub fn new() -> Self {
        Self {
            on: RwSignal::new(false),
            name: RwSignal::new(String::new()),
            preset: RwSignal::new(730),
            days: RwSignal::new(String::new()),
            roles: RwSignal::new(Vec::new()),
            auto_extend: RwSignal::new(false),
            submitted: RwSignal::new(false),
            taken: RwSignal::new(Vec::new()),
        }
    }

    /// The duration in days, when it is one `P1D`..`P730D` allows.
    pub fn duration_days(&self) -> Option<i64> {
        match self.preset.get() {
            0 => self
                .days
                .get()
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|d| (gdap::MIN_DAYS..=gdap::MAX_DAYS).contains(d)),
            d => Some(i64::from(d)),
        }
    }

    /// Whether Global Administrator is among the roles.
    pub fn has_global_admin(&self) -> bool {
        self.roles.with(|r| gdap::includes_global_admin(r))
    }

    /// What is wrong with the name, if anything.
    pub fn name_problem(&self) -> Option<GdapProblem> {
        let taken = self.taken.get();
        gdap::check_name(&self.name.get(), taken.iter().map(String::as_str)).err()
    }

    /// The request, or the id of the first field to fix.
    pub fn request(&self) -> Result<NewAdminRelationship, &'static str> {
        self.submitted.set(true);
        if self.name_problem().is_some() {
            return Err("gdap-name");
        }
        let Some(days) = self.duration_days() else {
            return Err("gdap-days");
        };
        let roles = self.roles.get();
        if roles.is_empty() {
            return Err("gdap-roles");
        }
        let auto = self.auto_extend.get() && !gdap::includes_global_admin(&roles);
        Ok(NewAdminRelationship {
            display_name: self.name.get().trim().to_string(),
            duration: gdap::days_iso(days),
            customer: None,
            access_details: AccessDetails::of(&roles),
            auto_extend_duration: gdap::auto_extend_iso(auto).into(),
        })
    }
}

fn name_problem_text(p: &GdapProblem) -> String {
    match p {
        GdapProblem::NameRequired => tr(Key::GdapNameRequired)().into(),
        GdapProblem::NameTooLong(n) => trf(Key::GdapNameTooLong, &[&n.to_string()]),
        _ => tr(Key::GdapNameTaken)().into(),
    }
}

/// The GDAP request's fields (shown while `form.on`).
#[component]
pub fn GdapFields(form: GdapForm) -> impl IntoView {
    let c = ctx();
    // The partner's relationships' names, for the uniqueness check as typed.
    let names = crate::task::Read::new(move || {
        let api = c.partner_api();
        async move { api.admin_relationships(None).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(list)) = names.get() {
            form.taken
                .set(list.into_iter().map(|r| r.display_name).collect());
        }
    });
    // A name taken or too long shows as typed; an empty one only once the
    // partner tried to send (not the moment the fields open).
    let name_error = Signal::derive(move || {
        form.name_problem()
            .filter(|p| form.submitted.get() || *p != GdapProblem::NameRequired)
            .as_ref()
            .map(name_problem_text)
    });
    let days_error = Signal::derive(move || {
        (form.submitted.get() && form.preset.get() == 0 && form.duration_days().is_none())
            .then(|| tr(Key::GdapDaysInvalid)().to_string())
    });
    let roles_error = move || form.submitted.get() && form.roles.with(Vec::is_empty);
    let toggle = move |id: &str, on: bool| {
        form.roles.update(|roles| {
            roles.retain(|r| r != id);
            if on {
                roles.push(id.to_string());
            }
        });
    };
    let ga = move || form.has_global_admin();
    view! {
        <div class="gdap-request" id="gdap-request">
            <TextField id="gdap-name" label=Key::GdapName value=form.name error=name_error required=true/>
            <fieldset class="field" aria-describedby=move || days_error.get().map(|_| "gdap-days-error")>
                <legend>{tr(Key::GdapDuration)}</legend>
                {PRESETS.into_iter().map(|(days, key)| {
                    let id = format!("gdap-duration-{days}");
                    view! {
                        <div class="radio">
                            <input type="radio" name="gdap-duration" id=id.clone() prop:checked=move || form.preset.get() == days
                                on:change=move |_| form.preset.set(days)/>
                            <label for=id>{tr(key)}</label>
                        </div>
                    }
                }).collect_view()}
                <Show when=move || form.preset.get() == 0>
                    <div class="field" class:invalid=move || days_error.get().is_some()>
                        <label for="gdap-days">{tr(Key::GdapDays)}</label>
                        <input id="gdap-days" type="number" min="1" max="730" inputmode="numeric" prop:value=move || form.days.get()
                            aria-invalid=move || days_error.get().is_some().to_string()
                            on:input=move |ev| form.days.set(event_target_value(&ev))/>
                        {move || days_error.get().map(|e| view! { <p class="field-error" id="gdap-days-error">{e}</p> })}
                    </div>
                </Show>
            </fieldset>
            <fieldset class="field roles" id="gdap-roles" tabindex="-1" aria-describedby=move || roles_error().then_some("gdap-roles-error")>
                <legend>{tr(Key::GdapRoles)}</legend>
                <p class="help" id="gdap-templates-label">{tr(Key::GdapTemplates)}</p>
                <div class="templates" role="group" aria-labelledby="gdap-templates-label">
                    {gdap::TEMPLATES.iter().map(|t| {
                        let chosen = move || form.roles.with(|r| t.roles.iter().all(|x| r.iter().any(|y| y == x)));
                        let label = move || {
                            let lang = c.lang.get();
                            let names: Vec<String> = t.roles.iter().map(|r| i18n::role_name(lang, r)).collect();
                            i18n::format(lang, Key::GdapTemplateLabel, &[i18n::template_purpose(lang, t), &names.join(", ")])
                        };
                        view! {
                            <button type="button" class="template" id=format!("template-{}", t.slug) aria-pressed=move || chosen().to_string()
                                on:click=move |_| { let on = !chosen(); for r in t.roles { toggle(r, on); } }>{label}</button>
                        }
                    }).collect_view()}
                </div>
                <details class="all-roles">
                    <summary>{tr(Key::GdapAllRoles)}</summary>
                    <ul class="plain role-list">
                        {gdap::ROLES.iter().map(|r| {
                            let id = format!("role-{}", r.id);
                            let about = format!("role-{}-about", r.id);
                            view! {
                                <li class="field checkbox">
                                    <input type="checkbox" id=id.clone() aria-describedby=about.clone()
                                        prop:checked=move || form.roles.with(|x| x.iter().any(|y| y == r.id))
                                        on:change=move |ev| toggle(r.id, event_target_checked(&ev))/>
                                    <label for=id>{move || i18n::role_name(c.lang.get(), r.id)}</label>
                                    <p class="help" id=about>{move || i18n::role_about(c.lang.get(), r)}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
                <p class="chosen-roles" aria-live="polite">
                    {move || { let lang = c.lang.get(); form.roles.get().iter().map(|r| i18n::role_name(lang, r)).collect::<Vec<_>>().join(", ") }}
                </p>
                <Show when=roles_error>
                    <p class="field-error" id="gdap-roles-error">{tr(Key::GdapNoRoles)}</p>
                </Show>
                <Show when=ga>
                    <p class="notice warning" role="note" id="gdap-ga-warning">{tr(Key::GdapGaWarning)}</p>
                </Show>
            </fieldset>
            <div class="field checkbox">
                <input type="checkbox" id="gdap-auto-extend" disabled=ga aria-describedby=move || ga().then_some("gdap-auto-extend-why")
                    prop:checked=move || form.auto_extend.get() && !ga()
                    on:change=move |ev| form.auto_extend.set(event_target_checked(&ev))/>
                <label for="gdap-auto-extend">{tr(Key::GdapAutoExtend)}</label>
                <Show when=ga>
                    <p class="help" id="gdap-auto-extend-why">{tr(Key::GdapAutoExtendGa)}</p>
                </Show>
            </div>
        </div>
    }
}
