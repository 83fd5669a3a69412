//! Every UI string, in English and Brazilian Portuguese. One table: a key
//! missing a language does not compile. Placeholders are `{0}`, `{1}`...

pub use crate::domain::email::Lang;

macro_rules! strings {
    ($($key:ident => $en:literal, $pt:literal;)*) => {
        /// A UI string: its words in each language. Each key is a constant,
        /// not a variant of one big `match`, so a build carries only the
        /// strings its own screens use (the portal none of the partner
        /// workspace's; issue 12).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Key {
            en: &'static str,
            pt: &'static str,
        }

        #[allow(non_upper_case_globals, missing_docs)]
        impl Key {
            $(pub const $key: Key = Key { en: $en, pt: $pt };)*
        }

        /// Every key with its name (for tests).
        #[cfg(test)]
        pub const ALL_KEYS: &[(&str, Key)] = &[$((stringify!($key), Key::$key),)*];
    };
}

/// The string for `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => key.en,
        Lang::PtBr => key.pt,
    }
}

/// The string with `{0}`, `{1}`... replaced by `args` (as text, never markup).
pub fn format(lang: Lang, key: Key, args: &[&str]) -> String {
    let mut out = text(lang, key).to_string();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

strings! {
    GdapLabel => "Also request granular admin roles (GDAP)", "Também solicitar funções de administração granulares (GDAP)";
    GdapHelp => "Time-bound Microsoft Entra roles that the customer approves, instead of lasting Global administrator rights. Turning this on clears the delegated admin privileges above.", "Funções do Microsoft Entra por tempo limitado que o cliente aprova, em vez de direitos permanentes de administrador global. Ativar isto desmarca os privilégios de administração delegada acima.";
    GdapAdminOnly => "Only Admin agents can request granular admin roles; you are signed in as {0}.", "Só agentes administradores podem solicitar funções de administração granulares; você entrou como {0}.";
    GdapNotInCloud => "Granular admin roles are not offered in {0}: partners there request delegated admin privileges.", "Funções de administração granulares não são oferecidas em {0}: lá os parceiros solicitam privilégios de administração delegada.";
    GdapName => "Relationship name", "Nome da relação";
    GdapNameRequired => "Give the relationship a name.", "Dê um nome à relação.";
    GdapNameTooLong => "The name has {0} characters: at most 50 are allowed. Shorten it.", "O nome tem {0} caracteres: o máximo é 50. Encurte-o.";
    GdapNameTaken => "Another of your admin relationships has this name. Choose another one.", "Outra das suas relações de administração tem este nome. Escolha outro.";
    GdapDuration => "Duration", "Duração";
    Days30 => "30 days", "30 dias";
    Year1 => "1 year", "1 ano";
    Years2 => "2 years", "2 anos";
    CustomDays => "Another number of days", "Outro número de dias";
    GdapDays => "Days (1 to 730)", "Dias (1 a 730)";
    GdapDaysInvalid => "Enter a whole number of days from 1 to 730.", "Digite um número inteiro de dias de 1 a 730.";
    GdapRoles => "Roles", "Funções";
    GdapTemplates => "Role templates: choose a purpose", "Modelos de funções: escolha uma finalidade";
    GdapTemplateLabel => "{0}: {1}", "{0}: {1}";
    GdapAllRoles => "Microsoft Entra built-in roles", "Funções internas do Microsoft Entra";
    GdapNoRoles => "Choose at least one role.", "Escolha pelo menos uma função.";
    GdapGaWarning => "Global Administrator can do everything in the customer's organization. Choose it only when nothing less will do.", "O Administrador Global pode fazer tudo na organização do cliente. Escolha-o só quando nada menor servir.";
    GdapAutoExtend => "Extend automatically by 180 days when it ends", "Estender automaticamente por 180 dias quando terminar";
    GdapAutoExtendGa => "Not available while Global Administrator is chosen: a relationship with Global Administrator cannot be auto-extended.", "Indisponível enquanto o Administrador Global estiver escolhido: uma relação com Administrador Global não pode ser estendida automaticamente.";
    AdminLinkTitle => "Admin roles approval link", "Link de aprovação das funções de administração";
    AdminLinkAlteredCopy => "The email also holds a copy of the admin roles' approval link with something changed. Put it back (the copy becomes the link), or delete the copy.", "O email também contém uma cópia do link de aprovação das funções de administração com algo alterado. Coloque-o de volta (a cópia passa a ser o link) ou apague a cópia.";
    AdminLinkMissing => "The email no longer holds the admin roles' approval link unchanged. Put it back before going on.", "O email não contém mais o link de aprovação das funções de administração sem alterações. Coloque-o de volta antes de continuar.";
    RestoreAdminLink => "Put the approval link back", "Colocar o link de aprovação de volta";
    CopyAdminLink => "Copy the approval link", "Copiar o link de aprovação";
    DoneAdminRoles => "{0} also asks for admin roles in your organization. Review them and decide whether to approve them.", "A {0} também pede funções de administração na sua organização. Revise as funções e decida se quer aprová-las.";
    ReviewAdminRoles => "Review the admin roles", "Revisar as funções de administração";
    ApproveTitle => "Approve admin roles", "Aprovar funções de administração";
    ApproveIntro => "{0} asks for these admin roles in your organization:", "A {0} pede estas funções de administração na sua organização:";
    ApproveDuration => "For {0} days: approved today, they end on {1}.", "Por {0} dias: aprovadas hoje, terminam em {1}.";
    ApproveCannotEdit => "The roles cannot be changed here: approve them all, or leave the request and ask the partner for others.", "As funções não podem ser alteradas aqui: aprove todas ou deixe a solicitação e peça outras ao parceiro.";
    ApproveAll => "Approve all", "Aprovar todas";
    Approving => "Approving…", "Aprovando…";
    ApproveGaOnly => "Only a Global administrator can approve admin roles; you are signed in as {0}.", "Só um administrador global pode aprovar funções de administração; você entrou como {0}.";
    ApprovedDone => "Admin roles approved. {0} has them until {1}.", "Funções de administração aprovadas. A {0} as tem até {1}.";
    ApprovedTitle => "Admin roles approved", "Funções de administração aprovadas";
    ApprovedUntil => "{0} has them until {1}.", "A {0} as tem até {1}.";
    ApprovalExpired => "This request expired: it was not approved within 90 days. Ask {0} for a new one.", "Esta solicitação expirou: não foi aprovada em 90 dias. Peça uma nova à {0}.";
    ApprovalClosed => "This request is no longer waiting for approval: {0}.", "Esta solicitação não aguarda mais aprovação: {0}.";
    AdminRelationships => "Admin relationships", "Relações de administração";
    NoAdminRelationships => "No admin relationships yet.", "Nenhuma relação de administração ainda.";
    ColRoles => "Roles", "Funções";
    ColEnds => "Ends", "Termina";
    EndRelationship => "End “{0}”", "Encerrar “{0}”";
    EndRelationshipConfirm => "End the admin relationship “{0}”? Access through it stops at once.", "Encerrar a relação de administração “{0}”? O acesso por ela termina na hora.";
    RelationshipEnded => "Admin relationship ended.", "Relação de administração encerrada.";
    AutoExtendState => "Auto-extend: {0}", "Extensão automática: {0}";
    TurnAutoExtendOn => "Turn auto-extend on for “{0}”", "Ativar a extensão automática de “{0}”";
    TurnAutoExtendOff => "Turn auto-extend off for “{0}”", "Desativar a extensão automática de “{0}”";
    RemoveGa => "Remove Global Administrator from “{0}”", "Remover o Administrador Global de “{0}”";
    RelationshipUpdated => "Admin relationship updated.", "Relação de administração atualizada.";
    AssignGroupLegend => "Assign a security group to “{0}”", "Atribuir um grupo de segurança a “{0}”";
    SecurityGroup => "Security group", "Grupo de segurança";
    AssignGroup => "Assign the group", "Atribuir o grupo";
    GroupAssigned => "Security group assigned.", "Grupo de segurança atribuído.";
    AssignedGroups => "Assigned groups", "Grupos atribuídos";
    AssignAfterApproval => "Security groups can be assigned once the customer approves.", "Grupos de segurança podem ser atribuídos depois que o cliente aprovar.";
    ApprovalLink => "Approval link", "Link de aprovação";
    NeedsRole => "Managing {0}'s users and licenses needs delegated admin privileges, or an active admin relationship granting one of these roles to a security group you belong to: {1}.", "Gerenciar usuários e licenças de {0} exige privilégios de administração delegada ou uma relação de administração ativa que conceda uma destas funções a um grupo de segurança do qual você faz parte: {1}.";
    OpenAdminRelationships => "Open Admin relationships", "Abrir Relações de administração";
    RoleNeedsGroup => "An admin relationship in force grants one of them already: assign it a security group you belong to, in Admin relationships.", "Uma relação de administração em vigor já concede uma delas: atribua a ela um grupo de segurança do qual você faz parte, em Relações de administração.";
    RequestRoles => "Request License Administrator and User Administrator", "Solicitar Administrador de Licenças e Administrador de Usuários";
    AdminRelationshipsTitle => "Admin relationships (GDAP)", "Relações de administração (GDAP)";
    AdminRelationshipsIntro => "Every granular admin relationship with your customers. What needs you comes first: a relationship ending within 30 days without auto-extend, a request waiting for the customer's approval, one that has expired (its roles are gone until you request them again).", "Todas as relações de administração granulares com os seus clientes. O que precisa de você vem primeiro: uma relação que termina em até 30 dias sem extensão automática, uma solicitação aguardando a aprovação do cliente, uma que expirou (as funções não valem mais até você solicitá-las de novo).";
    ShowLabel => "Show", "Mostrar";
    ShowAttention => "Needs attention", "Precisa de atenção";
    ShowEnding => "Ending within 30 days", "Terminando em até 30 dias";
    ShowPending => "Waiting for approval", "Aguardando aprovação";
    ShowExpired => "Expired", "Expiradas";
    ShowAll => "All", "Todas";
    AdminSummary => "{0} · {1} ending within 30 days · {2} waiting for approval · {3} expired in the last 90 days", "{0} · {1} terminando em até 30 dias · {2} aguardando aprovação · {3} expiradas nos últimos 90 dias";
    NothingNeedsAttention => "Nothing needs attention: every relationship in force ends more than 30 days from now or auto-extends.", "Nada precisa de atenção: toda relação em vigor termina daqui a mais de 30 dias ou tem extensão automática.";
    NoneInView => "No admin relationship matches this choice.", "Nenhuma relação de administração corresponde a esta escolha.";
    ColAutoExtend => "Auto-extend", "Extensão automática";
    NotWithGa => "Not with Global Administrator", "Indisponível com Administrador Global";
    ChooseRelationship => "Choose “{0}”", "Escolher “{0}”";
    ExpiredRolesGone => "Expired: its roles are gone", "Expirada: as funções não valem mais";
    RequestAgainFor => "Request “{0}” again", "Solicitar “{0}” de novo";
    TurningOnChosen => "Turning auto-extend on for the chosen relationships…", "Ativando a extensão automática das relações escolhidas…";
    NOfTotal => "{0} of {1}", "{0} de {1}";
    TurnOnFailedAll => "Auto-extend could not be turned on for these relationships:", "Não foi possível ativar a extensão automática destas relações:";
    TurnOnFailed => "Auto-extend is on for the others; it could not be turned on for these:", "A extensão automática foi ativada nas demais; não foi possível ativá-la nestas:";
    Choose => "Choose", "Escolher";
    ClearChoice => "Clear the choice", "Limpar a escolha";
    RequestLapsed => "Not approved within 90 days: no roles were given", "Não aprovada em 90 dias: nenhuma função foi concedida";
    GaCannotExtend => "Cannot auto-extend with Global Administrator: remove that role in the customer's Admin relationships, or request it again", "Não pode ter extensão automática com Administrador Global: remova essa função nas Relações de administração do cliente ou solicite-a de novo";
    TryAgainForThese => "Try again for these", "Tentar de novo para estas";
    OnlyAdminAgentsChange => "Only Admin agents can change admin relationships.", "Somente agentes administradores podem alterar relações de administração.";
    AdvanceClock => "Move the demo clock 30 days ahead", "Adiantar o relógio da demonstração em 30 dias";
    ClockAdvanced => "The demo clock is now {0} days ahead.", "O relógio da demonstração está {0} dias adiantado.";
    StatusCreated => "Being written", "Em redação";
    StatusApprovalPending => "Waiting for approval", "Aguardando aprovação";
    StatusApproved => "Approved", "Aprovada";
    StatusActivating => "Activating", "Ativando";
    StatusActive => "Active", "Ativa";
    StatusExpiring => "Expiring", "Expirando";
    AdminStatusExpired => "Expired", "Expirada";
    StatusTerminationRequested => "Ending requested", "Encerramento solicitado";
    StatusTerminating => "Ending", "Encerrando";
    StatusTerminated => "Ended", "Encerrada";
    AppName => "Reseller invitations", "Convites para relação de revendedor";
    SkipToContent => "Skip to main content", "Ir para o conteúdo principal";
    PartnerWorkspace => "Partner workspace", "Área do parceiro";
    CustomerPortal => "Customer portal", "Portal do cliente";
    Workspace => "Workspace", "Área";
    Language => "Language", "Idioma";
    MainNavigation => "Main navigation", "Navegação principal";
    Loading => "Loading…", "Carregando…";
    Retry => "Try again", "Tentar novamente";
    Retrying => "Trying again…", "Tentando novamente…";
    InvitationCreated => "Invitation created. Review the email that carries its link.", "Convite criado. Revise o email que leva o link.";
    Cancel => "Cancel", "Cancelar";
    Close => "Close", "Fechar";
    Confirm => "Confirm", "Confirmar";
    Yes => "Yes", "Sim";
    No => "No", "Não";
    Optional => "optional", "opcional";
    ErrorTitle => "Something went wrong", "Algo deu errado";
    ErrorWhat => "What failed: {0}", "O que falhou: {0}";
    ErrorCodeLabel => "Error code {0}", "Código de erro {0}";
    NotFoundTitle => "Page not found", "Página não encontrada";
    NotFoundText => "There is no page at this address. Check the link, or start again from the home page.", "Não há página neste endereço. Confira o link ou recomece pela página inicial.";
    GoHome => "Go to the home page", "Ir para a página inicial";
    HomeTitle => "Reseller relationships, end to end", "Relações de revendedor, do início ao fim";
    HomeIntro => "Partners invite customers into a reseller relationship and draft the email; customers accept in their cloud's portal.", "Parceiros convidam clientes para uma relação de revendedor e preparam o email; clientes aceitam no portal da sua nuvem.";
    HomePartner => "For Cloud Solution Provider partners: request reseller relationships, draft invitation emails and manage customers.", "Para parceiros Provedores de Soluções na Nuvem: solicite relações de revendedor, prepare emails de convite e gerencie clientes.";
    HomeCustomer => "For customers' administrators: see and manage the partners of your organization.", "Para administradores de clientes: veja e gerencie os parceiros da sua organização.";
    OpenPartner => "Open the partner workspace", "Abrir a área do parceiro";
    OpenCustomer => "Open the customer portal", "Abrir o portal do cliente";
    MockNotice => "Demo mode: this app runs against an in-browser mock backend; data stays in this browser.", "Modo de demonstração: o app usa um backend simulado no navegador; os dados ficam neste navegador.";
    ResetDemo => "Reset demo data", "Redefinir dados de demonstração";
    ResetDone => "Demo data reset.", "Dados de demonstração redefinidos.";
    SignInTitle => "Sign in to the partner workspace", "Entrar na área do parceiro";
    SignInIntro => "Choose a demo partner and one of its users. Roles decide what you may do: Admin agents and Sales agents can invite customers; Helpdesk agents cannot.", "Escolha um parceiro de demonstração e um dos seus usuários. As funções definem o que você pode fazer: agentes administradores e de vendas podem convidar clientes; agentes de suporte não.";
    SignInAs => "Sign in as {0}, {1}", "Entrar como {0}, {1}";
    SignedInAs => "Signed in as {0} ({1}) at {2}", "Conectado como {0} ({1}) em {2}";
    SwitchUser => "Switch user", "Trocar usuário";
    SignOut => "Sign out", "Sair";
    DemoSignInNotice => "Demo sign-in: nobody's identity is checked here. A real deployment signs you in with your work account.", "Entrada de demonstração: aqui ninguém tem a identidade verificada. Uma implantação real pede que você entre com sua conta de trabalho.";
    RealSignInTitle => "Sign in with your work account", "Entre com sua conta de trabalho";
    RealSignInPartner => "Sign in as a user of your partner organization. Your role (Admin agent, Sales agent or Helpdesk agent) decides what you may do.", "Entre como usuário da sua organização parceira. Sua função (agente administrador, de vendas ou de suporte técnico) define o que você pode fazer.";
    RealSignInCustomer => "Sign in as an administrator of your organization. You come back to this invitation once signed in.", "Entre como administrador da sua organização. Você volta a este convite depois de entrar.";
    SignInButton => "Sign in", "Entrar";
    SigningIn => "Signing you in…", "Entrando…";
    SignInFailed => "Signing in did not work: {0} Try again.", "A entrada não funcionou: {0} Tente novamente.";
    SignInRefused => "the sign-in was cancelled or refused.", "a entrada foi cancelada ou recusada.";
    SignInIssuerDown => "the sign-in service could not be reached.", "não foi possível falar com o serviço de entrada.";
    SignInChecksFailed => "its answer did not pass the security checks.", "a resposta não passou nas verificações de segurança.";
    SignInNoStorage => "this browser blocks this site from keeping data in this tab, which signing in needs. Allow this site to store data (cookies and site data, in the browser's settings).", "este navegador impede que este site guarde dados nesta aba, e a entrada precisa disso. Permita que este site armazene dados (cookies e dados de sites, nas configurações do navegador).";
    SessionEnded => "Your session has ended. Sign in again to go on: nothing on this page is lost.", "Sua sessão terminou. Entre novamente para continuar: nada nesta página se perde.";
    SignedOutElsewhere => "You signed out in another tab, so this tab is signed out too.", "Você saiu em outra aba, então esta aba também foi desconectada.";
    SignInAgain => "Sign in again", "Entrar novamente";
    ConfiguredIdentity => "Signed in with the identity from the deployment's configuration.", "Conectado com a identidade da configuração da implantação.";
    Customers => "Customers", "Clientes";
    Invitations => "Invitations", "Convites";
    RoleAdminAgent => "Admin agent", "Agente administrador";
    RoleSalesAgent => "Sales agent", "Agente de vendas";
    RoleHelpdeskAgent => "Helpdesk agent", "Agente de suporte técnico";
    RoleGlobalAdmin => "Global administrator", "Administrador global";
    RoleBillingAdmin => "Billing administrator", "Administrador de cobrança";
    RoleUser => "User", "Usuário";
    CloudPublic => "Microsoft commercial cloud", "Nuvem comercial da Microsoft";
    CloudUsGov => "Microsoft Cloud for US Government", "Microsoft Cloud for US Government";
    CloudGermany => "Microsoft Cloud Germany", "Microsoft Cloud Germany";
    RequestRelationship => "Request a reseller relationship", "Solicitar uma relação de revendedor";
    CannotEditDraft => "Your role ({0}) cannot change or hand over invitation emails: an Admin agent or a Sales agent can. The customer's link above can be copied.", "Sua função ({0}) não pode alterar nem entregar emails de convite: um agente administrador ou de vendas pode. O link do cliente acima pode ser copiado.";
    CannotInvite => "Your role ({0}) cannot request reseller relationships. Ask an Admin agent or a Sales agent.", "Sua função ({0}) não pode solicitar relações de revendedor. Peça a um agente administrador ou de vendas.";
    OptionsTitle => "Request a reseller relationship", "Solicitar uma relação de revendedor";
    OptionsIntro => "Partner Center makes a personalised link for your customer. Choose what it asks for, then review the email that carries it.", "O Partner Center cria um link personalizado para o cliente. Escolha o que ele solicita e revise o email que o leva.";
    DapLabel => "Include delegated administration privileges for Azure Active Directory and Office 365", "Incluir privilégios de administração delegada para o Azure Active Directory e o Office 365";
    DapHelp => "Lets your agents manage the customer's services and users as administrators. The customer can remove them at any time.", "Permite que seus agentes gerenciem os serviços e usuários do cliente como administradores. O cliente pode removê-los a qualquer momento.";
    DapForced => "Partners operating in {0} must request delegated administration privileges, so this option cannot be turned off.", "Parceiros que operam na {0} precisam solicitar privilégios de administração delegada; por isso esta opção não pode ser desmarcada.";
    CustomerDetails => "The customer (optional)", "O cliente (opcional)";
    CustomerDetailsHelp => "For your tracking and the email's To line.", "Para seu acompanhamento e a linha Para do email.";
    CustomerName => "Customer's company name", "Nome da empresa do cliente";
    CustomerEmail => "Customer's email", "Email do cliente";
    EmailLanguage => "Email language", "Idioma do email";
    IndirectReseller => "On behalf of an indirect reseller", "Em nome de um revendedor indireto";
    IndirectResellerLabel => "Indirect reseller", "Revendedor indireto";
    IndirectProviderLabel => "Indirect provider", "Provedor indireto";
    ChooseProvider => "Your indirect provider", "Seu provedor indireto";
    ChooseProviderHelp => "As an indirect reseller you buy through an indirect provider: the link names it, and the customer's acceptance gives it a reseller relationship too (without admin privileges).", "Como revendedor indireto, você compra por meio de um provedor indireto: o link o indica, e o aceite do cliente também cria uma relação de revendedor com ele (sem privilégios de admin).";
    ThroughProvider => "through the indirect provider {0}", "por meio do provedor indireto {0}";
    GrantProvider => "A reseller relationship with {0}, the indirect provider {1} buys through: {0} bills {1} for your Microsoft cloud services and supports it. It gets no admin privileges in your organization.", "Uma relação de revendedor com a {0}, o provedor indireto por meio do qual a {1} compra: a {0} cobra a {1} pelos seus serviços de nuvem da Microsoft e dá suporte a ela. Ela não recebe privilégios de admin na sua organização.";
    DoneProvider => "{0}, the indirect provider {1} buys through, has a reseller relationship with your organization too.", "A {0}, o provedor indireto por meio do qual a {1} compra, também tem uma relação de revendedor com a sua organização.";
    ProviderOf => "Indirect provider of {0}", "Provedor indireto da {0}";
    LinkNoProvider => "This invitation comes from an indirect reseller but does not name the indirect provider it buys through (indirectCSPId). Ask the partner for a new link.", "Este convite vem de um revendedor indireto, mas não indica o provedor indireto por meio do qual ele compra (indirectCSPId). Peça um novo link ao parceiro.";
    LinkProviderNotLinked => "This link names an indirect provider that the indirect reseller does not buy through, so it cannot be accepted. Ask the partner for a new link.", "Este link indica um provedor indireto por meio do qual o revendedor indireto não compra, então não pode ser aceito. Peça um novo link ao parceiro.";
    LinkNoQuery => "the link has no parameters", "o link não tem parâmetros";
    LinkMissingParam => "the link has no {0}", "o link não tem {0}";
    LinkNotGuid => "{0} “{1}” is not a GUID", "{0} “{1}” não é um GUID";
    LinkUnknownType => "invType “{0}” is not a known invitation type", "invType “{0}” não é um tipo de convite conhecido";
    LinkDapNotBoolean => "DAP “{0}” is not true or false", "DAP “{0}” não é true nem false";
    LinkMsppNotNumber => "msppId “{0}” is not a number", "msppId “{0}” não é um número";
    LinkDuplicate => "{0} appears twice", "{0} aparece duas vezes";
    NoIndirectReseller => "None: a direct invitation from you", "Nenhum: um convite direto seu";
    CreateInvitation => "Create the invitation and review the email", "Criar o convite e revisar o email";
    Creating => "Creating the invitation…", "Criando o convite…";
    FixFields => "Fix the highlighted fields, then try again.", "Corrija os campos destacados e tente novamente.";
    FieldRequired => "This field is required.", "Este campo é obrigatório.";
    FieldTooLong => "Use at most {0} characters.", "Use no máximo {0} caracteres.";
    FieldNotEmail => "Enter an email address like name@company.com.", "Informe um email como nome@empresa.com.";
    FieldNotDomain => "Enter a domain like contoso.com.", "Informe um domínio como contoso.com.";
    FieldNotPhone => "Enter a phone number with 6 to 20 digits.", "Informe um telefone com 6 a 20 dígitos.";
    FieldUnknownCountry => "Choose a country from the list.", "Escolha um país da lista.";
    FieldNotSeats => "Enter a whole number of seats from 1 to 10,000.", "Informe um número inteiro de licenças, de 1 a 10.000.";
    DraftTitle => "Review the draft email message", "Revise o rascunho da mensagem de email";
    DraftIntro => "Edit the text as you like; the personalised link must stay in it, unchanged. Your changes are saved as you type.", "Edite o texto como quiser; o link personalizado precisa continuar nele, sem alterações. Suas alterações são salvas enquanto você digita.";
    To => "To", "Para";
    Subject => "Subject", "Assunto";
    Body => "Message", "Mensagem";
    PersonalisedLink => "Personalised link", "Link personalizado";
    LinkMissing => "The message no longer holds the personalised link unchanged. The customer needs it to accept: put it back before handing the email over.", "A mensagem não contém mais o link personalizado sem alterações. O cliente precisa dele para aceitar: coloque-o de volta antes de enviar o email.";
    LinkExtension => "Unlike Partner Center's reusable link, this one is for this customer only: it carries this invitation's id (invitationId), so you see when it is accepted and can revoke it. Its other parameters are Partner Center's.", "Diferente do link reutilizável do Partner Center, este vale só para este cliente: ele leva o id deste convite (invitationId), para você ver quando for aceito e poder revogá-lo. Os demais parâmetros são os do Partner Center.";
    PutLinkBack => "Put the link back", "Colocar o link de volta";
    LinkAlteredCopy => "The message also holds a copy of the personalised link with something changed: the customer could open it and reach another invitation, or none. Put the link back (the copy becomes the link), or delete the copy.", "A mensagem também contém uma cópia do link personalizado com algo alterado: o cliente poderia abri-la e chegar a outro convite, ou a nenhum. Coloque o link de volta (a cópia passa a ser o link) ou apague a cópia.";
    LinkRestored => "The link is back in the message.", "O link voltou para a mensagem.";
    OpenInMail => "Open in email app", "Abrir no app de email";
    CopyToClipboard => "Copy to clipboard", "Copiar para a área de transferência";
    CopyLink => "Copy link", "Copiar link";
    Copied => "Copied to the clipboard.", "Copiado para a área de transferência.";
    CopyFallback => "Your browser did not allow copying. Select the text below and press Ctrl+C (⌘C on a Mac).", "Seu navegador não permitiu copiar. Selecione o texto abaixo e pressione Ctrl+C (⌘C no Mac).";
    TextToCopy => "Text to copy", "Texto para copiar";
    MailtoTooLong => "This email is {0} characters long as a link; some email apps cut links over {1}. Use Copy to clipboard instead.", "Este email tem {0} caracteres como link; alguns apps de email cortam links com mais de {1}. Use Copiar para a área de transferência.";
    Done => "Done", "Concluído";
    DraftSaved => "Draft saved", "Rascunho salvo";
    DraftSaving => "Saving…", "Salvando…";
    DraftUpdatedElsewhere => "Updated with the edits made in another tab", "Atualizado com as edições feitas em outra aba";
    DraftSaveFailed => "Not saved to the server yet (kept in this browser); it will be saved again as you type.", "Ainda não salvo no servidor (guardado neste navegador); será salvo novamente enquanto você digita.";
    InvitationReady => "Invitation ready for {0}. It stays pending until the customer accepts.", "Convite pronto para {0}. Ele fica pendente até o cliente aceitar.";
    InvitationReadyAnon => "Invitation ready. It stays pending until the customer accepts.", "Convite pronto. Ele fica pendente até o cliente aceitar.";
    InvitationsTitle => "Invitations", "Convites";
    NoInvitations => "No invitations yet. Request a reseller relationship to invite your first customer.", "Nenhum convite ainda. Solicite uma relação de revendedor para convidar seu primeiro cliente.";
    ColCreated => "Created", "Criado";
    ColCustomer => "Customer", "Cliente";
    ColLanguage => "Email language", "Idioma do email";
    ColAdmin => "Admin privileges", "Privilégios de admin";
    AdminGranular => "Granular roles (GDAP): {0}", "Funções granulares (GDAP): {0}";
    ColStatus => "Status", "Status";
    ColActions => "Actions", "Ações";
    NotNamed => "Not named", "Sem nome";
    StatusPending => "Pending", "Pendente";
    StatusAccepted => "Accepted by {0} on {1}", "Aceito por {0} em {1}";
    StatusRevoked => "Revoked on {0}", "Revogado em {0}";
    StatusExpired => "Expired", "Expirado";
    ReopenDraft => "Reopen the draft", "Reabrir o rascunho";
    Revoke => "Revoke", "Revogar";
    RevokeConfirm => "Revoke this invitation? Its link will stop working; the customer will be told to ask you for a new one.", "Revogar este convite? O link deixará de funcionar; o cliente será orientado a pedir um novo.";
    Revoked => "Invitation revoked.", "Convite revogado.";
    ForCustomer => "for {0}", "para {0}";
    CustomersTitle => "Customers", "Clientes";
    Search => "Search by name or domain", "Pesquisar por nome ou domínio";
    FilterLabel => "Relationship", "Relação";
    FilterAll => "All relationships", "Todas as relações";
    RelReseller => "Reseller", "Revendedor";
    RelDelegated => "Reseller with delegated admin", "Revendedor com administração delegada";
    RelAdminRemoved => "Admin permissions removed", "Permissões de admin removidas";
    ColCompany => "Company", "Empresa";
    ColDomain => "Primary domain", "Domínio principal";
    ColCountry => "Country", "País";
    ColRelationship => "Relationship", "Relação";
    ColMca => "Customer Agreement", "Contrato de Cliente";
    ColSince => "Since", "Desde";
    SortBy => "Sort by {0}", "Ordenar por {0}";
    McaAccepted => "Accepted", "Aceito";
    McaNotAccepted => "Not accepted", "Não aceito";
    New => "New", "Novo";
    NoCustomers => "No customers yet. Request a reseller relationship to invite one.", "Nenhum cliente ainda. Solicite uma relação de revendedor para convidar um.";
    NoMatches => "No customer matches this search or filter.", "Nenhum cliente corresponde a esta pesquisa ou filtro.";
    ExpandRecord => "Show details of {0}", "Mostrar detalhes de {0}";
    TabAccount => "Account", "Conta";
    TabServices => "Services", "Serviços";
    TabUsers => "Users and licenses", "Usuários e licenças";
    TabPortals => "Admin portals", "Portais de administração";
    NextSteps => "Next steps", "Próximas etapas";
    CompanyProfile => "Company profile", "Perfil da empresa";
    BillingProfile => "Billing profile", "Perfil de cobrança";
    TenantIdLabel => "Tenant id", "ID do locatário";
    Contact => "Contact", "Contato";
    McaStatusAccepted => "The customer accepted the Microsoft Customer Agreement on {0} ({1}).", "O cliente aceitou o Contrato de Cliente da Microsoft em {0} ({1}).";
    McaStatusMissing => "The customer has not accepted the Microsoft Customer Agreement. Attest its acceptance below once the customer has agreed.", "O cliente não aceitou o Contrato de Cliente da Microsoft. Registre o aceite abaixo quando o cliente concordar.";
    AttestMca => "Attest the customer's acceptance", "Registrar o aceite do cliente";
    McaRecorded => "Agreement acceptance recorded.", "Aceite do contrato registrado.";
    Subscriptions => "Subscriptions", "Assinaturas";
    NoSubscriptions => "No subscriptions.", "Nenhuma assinatura.";
    Offer => "Offer", "Oferta";
    Seats => "Seats", "Licenças";
    Status => "Status", "Status";
    SupportContact => "Support contact", "Contato de suporte";
    Active => "Active", "Ativa";
    Suspended => "Suspended", "Suspensa";
    Suspend => "Suspend", "Suspender";
    Reactivate => "Reactivate", "Reativar";
    Provision => "Provision a subscription", "Provisionar uma assinatura";
    Provisioned => "Subscription provisioned.", "Assinatura provisionada.";
    SubscriptionUpdated => "Subscription updated.", "Assinatura atualizada.";
    AssignSupport => "Assign support contacts", "Atribuir contatos de suporte";
    Assign => "Assign", "Atribuir";
    Remove => "Remove", "Remover";
    SupportAssigned => "Support contact assigned.", "Contato de suporte atribuído.";
    NoneYet => "None yet", "Nenhum ainda";
    Users => "Users", "Usuários";
    Licenses => "Licenses", "Licenças";
    AssignLicense => "Assign {0} to {1}", "Atribuir {0} a {1}";
    RemoveLicense => "Remove {0} from {1}", "Remover {0} de {1}";
    NoFreeSeat => "no free seat", "sem licença livre";
    LicensesUpdated => "Licenses updated.", "Licenças atualizadas.";
    OpenPortal => "Open {0} for {1}", "Abrir {0} para {1}";
    NoDapLimits => "{0} has not granted you delegated admin privileges: you cannot manage its users and licenses or open its admin portals. You can still provision and manage Azure plans for it, and request admin privileges below.", "A {0} não concedeu privilégios de administração delegada a você: você não pode gerenciar os usuários e as licenças nem abrir os portais de administração dela. Você ainda pode provisionar e gerenciar planos do Azure para ela e solicitar privilégios de admin abaixo.";
    DapRemovedLimits => "{0} removed your delegated admin privileges: you can no longer manage its users and licenses or open its admin portals. You can still manage the Azure plans you provisioned for it, and request admin privileges again below.", "A {0} removeu seus privilégios de administração delegada: você não pode mais gerenciar os usuários e as licenças nem abrir os portais de administração dela. Você ainda pode gerenciar os planos do Azure que provisionou para ela e solicitar privilégios de admin novamente abaixo.";
    RequestDap => "Request admin privileges", "Solicitar privilégios de admin";
    AzureOnly => "Without delegated admin privileges you can provision and manage Azure plans only.", "Sem privilégios de administração delegada, você só pode provisionar e gerenciar planos do Azure.";
    NeedsDap => "needs delegated admin privileges", "exige privilégios de administração delegada";
    McaNeeded => "{0} has not accepted the Microsoft Customer Agreement, so nothing can be provisioned for it yet (Partner Center refuses with error 13605). Attest its acceptance once the customer has agreed.", "A {0} não aceitou o Contrato de Cliente da Microsoft, então nada pode ser provisionado para ela ainda (o Partner Center recusa com o erro 13605). Registre o aceite quando o cliente concordar.";
    GoToAgreement => "Go to the Microsoft Customer Agreement", "Ir para o Contrato de Cliente da Microsoft";
    RemovedSupport => "{0} removed your admin permissions. You remain its reseller and stay responsible for support under your agreement with Microsoft: if {0} needs help, you may open a service request with Microsoft support on its behalf.", "A {0} removeu suas permissões de admin. Você continua revendedor dela e responsável pelo suporte conforme seu contrato com a Microsoft: se a {0} precisar de ajuda, você pode abrir uma solicitação de serviço no suporte da Microsoft em nome dela.";
    RequestDapAgain => "Request admin privileges again", "Solicitar privilégios de admin novamente";
    RemoveRelationship => "Remove a relationship with a customer", "Remover uma relação com um cliente";
    RemoveBlocked => "The relationship cannot be removed while these subscriptions are active: {0}. Suspend them first.", "A relação não pode ser removida enquanto estas assinaturas estiverem ativas: {0}. Suspenda-as primeiro.";
    RemoveConfirm => "Remove the reseller relationship with {0}? You will no longer sell to or manage this customer.", "Remover a relação de revendedor com {0}? Você não venderá mais para este cliente nem o gerenciará.";
    RelationshipRemoved => "Relationship with {0} removed.", "Relação com {0} removida.";
    ManagerOnly => "Only Admin agents can change services, users and relationships.", "Apenas agentes administradores podem alterar serviços, usuários e relações.";
    PortalM365 => "Microsoft 365 admin center", "Centro de administração do Microsoft 365";
    PortalOffice => "Microsoft Office admin portal", "Portal de administração do Microsoft Office";
    PortalLoading => "Opening your invitation…", "Abrindo seu convite…";
    PortalTitle => "Reseller relationship invitation", "Convite para uma relação de revendedor";
    InvitationFrom => "{0} invites you to a reseller relationship", "{0} convida você para uma relação de revendedor";
    PortalIntro => "Review the invitation, sign in as an administrator of your organization and authorize the partner.", "Revise o convite, entre como administrador da sua organização e autorize o parceiro.";
    PartnerLabel => "Partner", "Parceiro";
    PartnerLocation => "Location", "Localização";
    PartnerIdLabel => "Partner id (MPN)", "ID do parceiro (MPN)";
    OnBehalfOf => "On behalf of the indirect reseller {0}", "Em nome do revendedor indireto {0}";
    StepSignIn => "Sign in", "Entrar";
    StepCheck => "Checks", "Verificações";
    StepReview => "Review and accept", "Revisar e aceitar";
    StepDone => "Done", "Concluído";
    Progress => "Progress", "Progresso";
    CustomerSignInTitle => "Sign in to your organization", "Entre na sua organização";
    CustomerSignInIntro => "Choose a demo user of an existing organization, or create a new organization.", "Escolha um usuário de demonstração de uma organização existente ou crie uma nova organização.";
    CustomerSignInIntroExisting => "Choose the user of your organization you sign in as.", "Escolha o usuário da sua organização com que você vai entrar.";
    ExistingOrgs => "Existing organizations", "Organizações existentes";
    NewOrg => "Create a new organization", "Criar uma nova organização";
    CompanyName => "Company name", "Nome da empresa";
    Domain => "Domain", "Domínio";
    Country => "Country", "País";
    AdminName => "Administrator's name", "Nome do administrador";
    AdminEmail => "Administrator's email", "Email do administrador";
    CreateOrg => "Create the organization and sign in", "Criar a organização e entrar";
    ChooseCountry => "Choose a country", "Escolha um país";
    ChecksTitle => "Before you accept", "Antes de aceitar";
    CheckRole => "Your role", "Sua função";
    CheckCloud => "Cloud", "Nuvem";
    CheckRegion => "Market", "Mercado";
    CheckTenant => "Organization", "Organização";
    CheckPassed => "Passed", "Requisito atendido";
    CheckFailed => "Not met", "Requisito não atendido";
    RoleOk => "You are a Global administrator of your organization: only a Global administrator can accept a partner's request.", "Você é administrador global da sua organização: apenas um administrador global pode aceitar a solicitação de um parceiro.";
    RoleBad => "You are a {0}. Only a Global administrator of your organization can accept a partner's request. Ask one to open the link.", "Você é {0}. Apenas um administrador global da sua organização pode aceitar a solicitação de um parceiro. Peça a um deles que abra o link.";
    CloudOk => "Your organization and the partner are both in {0}.", "Sua organização e o parceiro estão ambos na {0}.";
    CloudBad => "The partner operates in {0}, but your organization is in {1}. Only customers in the same cloud can accept.", "O parceiro opera na {0}, mas sua organização está na {1}. Apenas clientes na mesma nuvem podem aceitar.";
    RegionOk => "Your organization's country, {0}, is in the partner's CSP market.", "O país da sua organização, {0}, está no mercado CSP do parceiro.";
    RegionBad => "The partner may sell only in its CSP market, {0}, but your organization's country is {1}. Ask a partner located in your market.", "O parceiro só pode vender no próprio mercado CSP, {0}, mas o país da sua organização é {1}. Procure um parceiro localizado no seu mercado.";
    NoMarket => "no CSP market", "nenhum mercado CSP";
    TenantOk => "{0} is a different organization from the partner.", "{0} é uma organização diferente do parceiro.";
    TenantBad => "You are signed in to the partner's own organization. The partner cannot accept its own invitation.", "Você entrou na própria organização do parceiro. O parceiro não pode aceitar o próprio convite.";
    ChecksFailedNote => "You cannot accept this invitation as {0}. Sign in as someone else, or ask the partner for a new invitation.", "Você não pode aceitar este convite como {0}. Entre com outro usuário ou peça um novo convite ao parceiro.";
    YouGrant => "What you grant", "O que você concede";
    GrantReseller => "A reseller relationship: {0} can sell you Microsoft cloud services and bill you for them, and supports them.", "Uma relação de revendedor: a {0} pode vender serviços de nuvem da Microsoft, cobrá-los e dar suporte a eles.";
    GrantDap => "Delegated admin privileges: {0}'s agents can act as administrators in your organization — manage users, licenses, passwords and service settings. You can remove this at any time from your partner relationships page.", "Privilégios de administração delegada: os agentes da {0} podem agir como administradores na sua organização — gerenciar usuários, licenças, senhas e configurações dos serviços. Você pode remover isso a qualquer momento na página de relações com parceiros.";
    McaTitle => "Microsoft Customer Agreement", "Contrato de Cliente da Microsoft";
    McaIntro => "Your organization has not accepted the Microsoft Customer Agreement yet. Read it, then fill in who signs.", "Sua organização ainda não aceitou o Contrato de Cliente da Microsoft. Leia-o e informe quem assina.";
    McaRead => "Read the Microsoft Customer Agreement (opens in a new tab)", "Ler o Contrato de Cliente da Microsoft (abre em nova guia)";
    FirstName => "First name", "Nome";
    LastName => "Last name", "Sobrenome";
    Email => "Email", "Email";
    Phone => "Phone", "Telefone";
    McaAcceptBox => "I have read and accept the Microsoft Customer Agreement on behalf of my organization", "Li e aceito o Contrato de Cliente da Microsoft em nome da minha organização";
    McaAcceptRequired => "Tick the box to accept the agreement.", "Marque a caixa para aceitar o contrato.";
    McaDate => "The date of acceptance is recorded in UTC: {0}.", "A data do aceite é registrada em UTC: {0}.";
    AcceptAuthorize => "Accept and authorize", "Aceitar e autorizar";
    Accepting => "Accepting…", "Aceitando…";
    DoneTitle => "{0} is now your partner", "A {0} agora é sua parceira";
    DoneCreated => "Your organization {0} now has a reseller relationship with {1}.", "Sua organização {0} agora tem uma relação de revendedor com a {1}.";
    DoneDap => "{0} also has delegated admin privileges in your organization.", "A {0} também tem privilégios de administração delegada na sua organização.";
    DoneRestored => "{0} was already your reseller; its delegated admin privileges are restored.", "A {0} já era sua revendedora; os privilégios de administração delegada foram restaurados.";
    DoneExisting => "{0} was already your reseller; nothing else changed.", "A {0} já era sua revendedora; nada mais mudou.";
    DoneNext => "Manage your partners", "Gerenciar seus parceiros";
    LinkProblemTitle => "This invitation link cannot be used", "Este link de convite não pode ser usado";
    LinkMalformed => "The link is incomplete or was changed ({0}). Open the link exactly as it is in the partner's email, or ask the partner for a new one.", "O link está incompleto ou foi alterado ({0}). Abra o link exatamente como está no email do parceiro ou peça um novo.";
    LinkUnknown => "No invitation matches this link. It may have been mistyped. Ask the partner for a new invitation.", "Nenhum convite corresponde a este link. Talvez tenha sido digitado errado. Peça um novo convite ao parceiro.";
    LinkAltered => "This link differs from the invitation the partner created (a part of it was changed). Open the link exactly as sent, or ask the partner for a new one.", "Este link é diferente do convite criado pelo parceiro (uma parte foi alterada). Abra o link exatamente como foi enviado ou peça um novo.";
    LinkRevoked => "The partner revoked this invitation. Ask the partner for a new one if you still want to work with them.", "O parceiro revogou este convite. Peça um novo ao parceiro se ainda quiser trabalhar com ele.";
    LinkExpired => "This invitation expired. Ask the partner for a new one.", "Este convite expirou. Peça um novo ao parceiro.";
    AlreadyAcceptedTitle => "This invitation was already accepted", "Este convite já foi aceito";
    YouAcceptedOn => "Your organization accepted this invitation on {0}. Nothing else needs to be done.", "Sua organização aceitou este convite em {0}. Não é preciso fazer mais nada.";
    AcceptedAnonymously => "This invitation was already accepted on {0}. If your organization accepted it, sign in to see your partner; otherwise ask the partner for a new invitation.", "Este convite já foi aceito em {0}. Se foi a sua organização que o aceitou, entre para ver seu parceiro; caso contrário, peça um novo convite ao parceiro.";
    ConfigErrorTitle => "This app's configuration cannot be used", "A configuração deste aplicativo não pode ser usada";
    ConfigErrorIntro => "The app did not start: its configuration file {0} is present but cannot be used.", "O aplicativo não foi iniciado: o arquivo de configuração {0} existe, mas não pode ser usado.";
    ConfigErrorProblem => "Problem:", "Problema:";
    ConfigErrorFix => "Whoever deployed this app: correct the file (see the README, section Configuration), or remove it to run the demo with its in-browser mock backend. The app never falls back to demo data when a real backend is configured.", "Quem implantou este aplicativo: corrija o arquivo (veja o README, seção Configuration) ou remova-o para executar a demonstração com o back-end simulado no navegador. O aplicativo nunca recorre a dados de demonstração quando um back-end real está configurado.";
    StorageRefused => "This browser is not keeping your changes: its storage is full or turned off. What you typed stays on this page, but changes were not saved. Free some space for this site (or allow it to store data), then try again.", "Este navegador não está guardando suas alterações: o armazenamento está cheio ou desativado. O que você digitou continua nesta página, mas as alterações não foram salvas. Libere espaço para este site (ou permita que ele armazene dados) e tente novamente.";
    StorageOff => "This browser does not let this site store data: the demo runs in this tab only, and everything you do is lost when you close or reload it.", "Este navegador não permite que este site armazene dados: a demonstração funciona só nesta aba, e tudo o que você fizer se perde ao fechá-la ou recarregá-la.";
    StorageSetAside => "The demo data stored in this browser could not be read ({0}). It was set aside, not deleted, and the demo started again from its sample data.", "Os dados da demonstração guardados neste navegador não puderam ser lidos ({0}). Eles foram separados, não apagados, e a demonstração recomeçou com os dados de exemplo.";
    StorageKeptInPlace => "The demo data stored in this browser could not be read ({0}), and there is no room to set it aside: it was left untouched. The demo runs from its sample data in this tab only, and nothing you do is kept.", "Os dados da demonstração guardados neste navegador não puderam ser lidos ({0}) e não há espaço para separá-los: eles foram mantidos intactos. A demonstração funciona com os dados de exemplo só nesta aba, e nada do que você fizer é guardado.";
    DownloadSetAside => "Download the unreadable data", "Baixar os dados ilegíveis";
    UnreadableNewer => "written by a newer version of this app", "gravados por uma versão mais nova deste aplicativo";
    UnreadableInvalid => "they are not in a format this app reads", "não estão em um formato que este aplicativo lê";
    StorageNotices => "Data kept in this browser", "Dados guardados neste navegador";
    DraftNotKept => "Not saved: this browser's storage is full. Your text stays on this page; copy it or free some space.", "Não salvo: o armazenamento deste navegador está cheio. Seu texto continua nesta página; copie-o ou libere espaço.";
    LinkTaken => "Another organization already accepted this invitation. Ask the partner for a new one.", "Outra organização já aceitou este convite. Peça um novo ao parceiro.";
    PartnersTitle => "Partner relationships", "Relações com parceiros";
    PartnersIntro => "Partners that sell to your organization, and what they can do in it.", "Parceiros que vendem para a sua organização e o que podem fazer nela.";
    NoPartners => "Your organization has no partners yet. A partner invites you with a link sent by email.", "Sua organização ainda não tem parceiros. Um parceiro convida você com um link enviado por email.";
    RemoveAdmin => "Remove admin permissions", "Remover permissões de admin";
    RemoveAdminConfirm => "Remove {0}'s admin permissions? {0} stays your reseller and stays responsible for support, but its agents can no longer administer your organization.", "Remover as permissões de admin da {0}? A {0} continua sua revendedora e responsável pelo suporte, mas seus agentes não poderão mais administrar sua organização.";
    RemoveAdminGlobalOnly => "You are signed in as a {0}: only a Global administrator of your organization can remove a partner's admin permissions.", "Você entrou como {0}: apenas um administrador global da sua organização pode remover as permissões de admin de um parceiro.";
    AdminRemoved => "Admin permissions of {0} removed. {0} stays your reseller.", "Permissões de admin da {0} removidas. A {0} continua sua revendedora.";
    CustomerSignInFirst => "Sign in to see your organization's partners.", "Entre para ver os parceiros da sua organização.";
    SignInCustomer => "Sign in to the customer portal", "Entrar no portal do cliente";
    McaYes => "Microsoft Customer Agreement accepted", "Contrato de Cliente da Microsoft aceito";
    McaNo => "Microsoft Customer Agreement not accepted yet", "Contrato de Cliente da Microsoft ainda não aceito";
    ErrValidation => "The server refused a value ({0}). Check what you entered and try again.", "O servidor recusou um valor ({0}). Confira o que você informou e tente novamente.";
    ErrMalformedLink => "The invitation link cannot be read. Open the link exactly as it is in the partner's email.", "O link do convite não pode ser lido. Abra o link exatamente como está no email do parceiro.";
    ErrMalformedBody => "The server could not read what the app sent. Reload the page and try again.", "O servidor não conseguiu ler o que o aplicativo enviou. Recarregue a página e tente novamente.";
    ErrNotSignedIn => "You are not signed in, or your session ended. Sign in again.", "Você não está conectado ou sua sessão terminou. Entre novamente.";
    ErrInsufficientRole => "Your role does not allow this. Ask someone with the right role.", "Sua função não permite isso. Peça a alguém com a função adequada.";
    ErrOwnTenant => "A partner cannot accept its own invitation.", "Um parceiro não pode aceitar o próprio convite.";
    ErrRegionMismatch => "Your organization is outside the markets where this partner may sell.", "Sua organização está fora dos mercados em que este parceiro pode vender.";
    ErrCloudMismatch => "Your organization is in another Microsoft cloud than the partner.", "Sua organização está em outra nuvem da Microsoft que não a do parceiro.";
    ErrWrongTenantKind => "This page is for the other kind of organization (partner or customer). Sign in with another account.", "Esta página é para o outro tipo de organização (parceiro ou cliente). Entre com outra conta.";
    ErrNoRelationship => "You have no relationship with this customer (any more).", "Você não tem (mais) relação com este cliente.";
    ErrInvitationNotFound => "No invitation matches this link. Ask the partner for a new one.", "Nenhum convite corresponde a este link. Peça um novo ao parceiro.";
    ErrNotFound => "What you asked for no longer exists. Reload the page to see the current data.", "O que você pediu não existe mais. Recarregue a página para ver os dados atuais.";
    ErrMethodNotAllowed => "The server does not allow this action here. Reload the page and try again.", "O servidor não permite esta ação aqui. Recarregue a página e tente novamente.";
    ErrAcceptedByAnother => "Another organization already accepted this invitation.", "Outra organização já aceitou este convite.";
    ErrActiveSubscriptions => "These subscriptions are still active: {0}. Suspend them first.", "Estas assinaturas ainda estão ativas: {0}. Suspenda-as primeiro.";
    ErrLinkAltered => "This link differs from the invitation the partner created.", "Este link é diferente do convite criado pelo parceiro.";
    ErrNotEnoughSeats => "Not enough seats: buy more seats or remove a license from another user.", "Licenças insuficientes: compre mais licenças ou remova uma licença de outro usuário.";
    ErrKeyReused => "This request was already used for something else. Reload the page and try again.", "Esta solicitação já foi usada para outra coisa. Recarregue a página e tente novamente.";
    ErrRevoked => "The partner revoked this invitation.", "O parceiro revogou este convite.";
    ErrExpired => "This invitation expired.", "Este convite expirou.";
    ErrChanged => "This was changed elsewhere (in another tab or by someone else) since it was shown here. It is shown again as it is now: check it and try again.", "Isto foi alterado em outro lugar (em outra aba ou por outra pessoa) desde que foi mostrado aqui. Ele é mostrado de novo como está agora: confira e tente novamente.";
    ErrTooLarge => "What you sent is too large. Shorten the text and try again.", "O que você enviou é grande demais. Encurte o texto e tente novamente.";
    ErrMcaFieldsMissing => "Fill in who accepts the Microsoft Customer Agreement ({0}).", "Informe quem aceita o Contrato de Cliente da Microsoft ({0}).";
    ErrMcaRequired => "The customer has not accepted the Microsoft Customer Agreement, so nothing can be provisioned yet. Attest its acceptance on the Account tab first.", "O cliente não aceitou o Contrato de Cliente da Microsoft, então nada pode ser provisionado ainda. Registre o aceite na guia Conta primeiro.";
    ErrDelegatedAdminRequired => "This needs delegated admin privileges, which this customer has not granted (or removed).", "Isso exige privilégios de administração delegada, que este cliente não concedeu (ou removeu).";
    ErrProviderNotLinked => "The indirect provider named in the link does not work with this indirect reseller.", "O provedor indireto indicado no link não trabalha com este revendedor indireto.";
    ErrThrottled => "The service is limiting requests right now. Try again in a few minutes.", "O serviço está limitando as solicitações agora. Tente novamente em alguns minutos.";
    WaitingAsAsked => "The service is limiting requests: going on in about {0} s.", "O serviço está limitando as solicitações: retomando em cerca de {0} s.";
    WaitingUnavailable => "The service is unavailable for a moment: trying again in about {0} s.", "O serviço está indisponível no momento: tentando de novo em cerca de {0} s.";
    ErrUnavailable => "The service is unavailable right now. Try again in a moment.", "O serviço está indisponível no momento. Tente novamente daqui a pouco.";
    ErrStorageFull => "This browser's storage is full or turned off, so nothing was changed. Free some space for this site, then try again.", "O armazenamento deste navegador está cheio ou desativado, então nada foi alterado. Libere espaço para este site e tente novamente.";
    ErrUnconfirmed => "The answer was lost: the change may or may not have been made. Try again: it will not be made twice.", "A resposta se perdeu: a alteração pode ou não ter sido feita. Tente novamente: ela não será feita duas vezes.";
    ErrNetwork => "The server could not be reached. Check your connection and try again.", "Não foi possível contatar o servidor. Verifique sua conexão e tente novamente.";
    ErrUnknown => "The server answered with an error this app does not know (HTTP {0}).", "O servidor respondeu com um erro que este aplicativo não conhece (HTTP {0}).";
    Notifications => "Notifications", "Notificações";
    Dismiss => "Dismiss", "Dispensar";
    ConfirmTitle => "Please confirm", "Confirme";
    NewCustomerArrived => "{0} accepted your invitation.", "A {0} aceitou seu convite.";
    Details => "Details", "Detalhes";
    DescLink => "Link", "Link";
    Rows => "Customers, one per row", "Clientes, um por linha";
}

/// A phrase that counts something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// "2 customers".
    Customers,
    /// "Office 365 E3: 3 of 25 seats assigned" (`{1}` the SKU, `{2}` assigned).
    SeatsAssigned,
    /// "12 admin relationships".
    Relationships,
    /// "Ends in 3 days".
    EndsIn,
    /// "10 days left to approve".
    ApprovalLeft,
    /// "Choose all 9 that can auto-extend".
    ChooseExtendable,
    /// "Turn auto-extend on for 9 relationships".
    TurnOnChosen,
    /// "Auto-extend turned on for 9 relationships."
    TurnedOn,
}

impl Counted {
    /// Every counted phrase (for tests).
    pub const ALL: [Counted; 8] = [
        Counted::Customers,
        Counted::SeatsAssigned,
        Counted::Relationships,
        Counted::EndsIn,
        Counted::ApprovalLeft,
        Counted::ChooseExtendable,
        Counted::TurnOnChosen,
        Counted::TurnedOn,
    ];
}

/// Why a link cannot be read, in the UI language (parameter names stay as
/// the link spells them).
pub fn link_problem(lang: Lang, e: &crate::domain::link::LinkError) -> String {
    use crate::domain::link::LinkError::*;
    match e {
        NoQuery => text(lang, Key::LinkNoQuery).to_string(),
        Missing(p) => format(lang, Key::LinkMissingParam, &[p]),
        NotAGuid(p, v) => format(lang, Key::LinkNotGuid, &[p, v]),
        UnknownType(v) => format(lang, Key::LinkUnknownType, &[v]),
        DapNotBoolean(v) => format(lang, Key::LinkDapNotBoolean, &[v]),
        MsppIdNotANumber(v) => format(lang, Key::LinkMsppNotNumber, &[v]),
        Duplicate(p) => format(lang, Key::LinkDuplicate, &[p]),
        IndirectWithoutProvider => text(lang, Key::LinkNoProvider).to_string(),
    }
}

/// A counted phrase's forms: for exactly zero (as ICU's `=0`), for the
/// plural category "one" and for "other" (the browser's `Intl.PluralRules`
/// picks; see `intl::count`). `{0}` is the formatted count.
pub fn counted(lang: Lang, what: Counted) -> [&'static str; 3] {
    match (lang, what) {
        (Lang::En, Counted::Customers) => ["0 customers", "{0} customer", "{0} customers"],
        (Lang::PtBr, Counted::Customers) => ["0 clientes", "{0} cliente", "{0} clientes"],
        (Lang::En, Counted::Relationships) => [
            "0 admin relationships",
            "{0} admin relationship",
            "{0} admin relationships",
        ],
        (Lang::PtBr, Counted::Relationships) => [
            "0 relações de administração",
            "{0} relação de administração",
            "{0} relações de administração",
        ],
        (Lang::En, Counted::EndsIn) => ["Ends within a day", "Ends in {0} day", "Ends in {0} days"],
        (Lang::PtBr, Counted::EndsIn) => [
            "Termina em menos de um dia",
            "Termina em {0} dia",
            "Termina em {0} dias",
        ],
        (Lang::En, Counted::ApprovalLeft) => [
            "Less than a day left to approve",
            "{0} day left to approve",
            "{0} days left to approve",
        ],
        (Lang::PtBr, Counted::ApprovalLeft) => [
            "Falta menos de um dia para aprovar",
            "Falta {0} dia para aprovar",
            "Faltam {0} dias para aprovar",
        ],
        (Lang::En, Counted::ChooseExtendable) => [
            "None here can auto-extend",
            "Choose the {0} that can auto-extend",
            "Choose all {0} that can auto-extend",
        ],
        (Lang::PtBr, Counted::ChooseExtendable) => [
            "Nenhuma aqui pode ter extensão automática",
            "Escolher a {0} que pode ter extensão automática",
            "Escolher as {0} que podem ter extensão automática",
        ],
        (Lang::En, Counted::TurnOnChosen) => [
            "Turn auto-extend on for the chosen",
            "Turn auto-extend on for {0} relationship",
            "Turn auto-extend on for {0} relationships",
        ],
        (Lang::PtBr, Counted::TurnOnChosen) => [
            "Ativar a extensão automática das escolhidas",
            "Ativar a extensão automática de {0} relação",
            "Ativar a extensão automática de {0} relações",
        ],
        (Lang::En, Counted::TurnedOn) => [
            "Auto-extend turned on for no relationship.",
            "Auto-extend turned on for {0} relationship.",
            "Auto-extend turned on for {0} relationships.",
        ],
        (Lang::PtBr, Counted::TurnedOn) => [
            "Extensão automática ativada para nenhuma relação.",
            "Extensão automática ativada para {0} relação.",
            "Extensão automática ativada para {0} relações.",
        ],
        (Lang::En, Counted::SeatsAssigned) => [
            "{1}: {2} of 0 seats assigned",
            "{1}: {2} of {0} seat assigned",
            "{1}: {2} of {0} seats assigned",
        ],
        (Lang::PtBr, Counted::SeatsAssigned) => [
            "{1}: {2} de 0 licenças atribuídas",
            "{1}: {2} de {0} licença atribuída",
            "{1}: {2} de {0} licenças atribuídas",
        ],
    }
}

/// What a backend error means for the user, in the UI language: worded from
/// its code (never the backend's own text), with the values it names.
pub fn api_error(lang: Lang, e: &crate::api::error::ApiError) -> String {
    use crate::api::error::ErrorCode::*;
    let list = e.data.join(", ");
    let key = match e.code {
        Validation => Key::ErrValidation,
        MalformedLink => Key::ErrMalformedLink,
        MalformedBody => Key::ErrMalformedBody,
        NotSignedIn => Key::ErrNotSignedIn,
        InsufficientRole => Key::ErrInsufficientRole,
        OwnTenant => Key::ErrOwnTenant,
        RegionMismatch => Key::ErrRegionMismatch,
        CloudMismatch => Key::ErrCloudMismatch,
        WrongTenantKind => Key::ErrWrongTenantKind,
        NoRelationship => Key::ErrNoRelationship,
        InvitationNotFound => Key::ErrInvitationNotFound,
        NotFound => Key::ErrNotFound,
        MethodNotAllowed => Key::ErrMethodNotAllowed,
        AcceptedByAnother => Key::ErrAcceptedByAnother,
        ActiveSubscriptions => Key::ErrActiveSubscriptions,
        LinkAltered => Key::ErrLinkAltered,
        NotEnoughSeats => Key::ErrNotEnoughSeats,
        KeyReused => Key::ErrKeyReused,
        Revoked => Key::ErrRevoked,
        Expired => Key::ErrExpired,
        Changed => Key::ErrChanged,
        TooLarge => Key::ErrTooLarge,
        McaFieldsMissing => Key::ErrMcaFieldsMissing,
        McaRequired => Key::ErrMcaRequired,
        DelegatedAdminRequired => Key::ErrDelegatedAdminRequired,
        ProviderNotLinked => Key::ErrProviderNotLinked,
        Throttled => Key::ErrThrottled,
        Unavailable => Key::ErrUnavailable,
        StorageFull => Key::ErrStorageFull,
        Unconfirmed => Key::ErrUnconfirmed,
        Network => Key::ErrNetwork,
        Unknown => return format(lang, Key::ErrUnknown, &[&e.status.to_string()]),
    };
    if list.is_empty() {
        // A code that usually names values, without any: no empty brackets.
        return text(lang, key).replace(" ({0})", "").replace("{0}", "—");
    }
    format(lang, key, &[&list])
}

/// Why signing in did not work, in the UI language.
#[cfg(target_arch = "wasm32")]
pub fn sign_in_problem(lang: Lang, e: &crate::auth::SignInError) -> String {
    use crate::auth::SignInError::*;
    let why = match e {
        Refused(_) => Key::SignInRefused,
        Issuer(_) => Key::SignInIssuerDown,
        Problem(_) => Key::SignInChecksFailed,
        NoTabStorage => Key::SignInNoStorage,
    };
    format(lang, Key::SignInFailed, &[text(lang, why)])
}

/// A GDAP relationship status, in words.
pub fn admin_status(lang: Lang, s: crate::domain::gdap::AdminRelationshipStatus) -> &'static str {
    use crate::domain::gdap::AdminRelationshipStatus::*;
    text(
        lang,
        match s {
            Created => Key::StatusCreated,
            ApprovalPending => Key::StatusApprovalPending,
            Approved => Key::StatusApproved,
            Activating => Key::StatusActivating,
            Active => Key::StatusActive,
            Expiring => Key::StatusExpiring,
            Expired => Key::AdminStatusExpired,
            TerminationRequested => Key::StatusTerminationRequested,
            Terminating => Key::StatusTerminating,
            Terminated => Key::StatusTerminated,
        },
    )
}

/// A Microsoft Entra role's name in `lang` (its id when unknown).
pub fn role_name(lang: Lang, id: &str) -> String {
    match crate::domain::gdap::role(id) {
        Some(r) if lang == Lang::PtBr => r.name_pt.into(),
        Some(r) => r.name.into(),
        None => id.into(),
    }
}

/// A Microsoft Entra role's one-line description in `lang`.
pub fn role_about(lang: Lang, r: &crate::domain::gdap::EntraRole) -> &'static str {
    if lang == Lang::PtBr {
        r.about_pt
    } else {
        r.about
    }
}

/// A role template's purpose in `lang`.
pub fn template_purpose(lang: Lang, t: &crate::domain::gdap::RoleTemplate) -> &'static str {
    if lang == Lang::PtBr {
        t.purpose_pt
    } else {
        t.purpose
    }
}

/// A role's name.
pub fn partner_role(lang: Lang, role: crate::domain::relationship::PartnerRole) -> &'static str {
    use crate::domain::relationship::PartnerRole::*;
    text(
        lang,
        match role {
            AdminAgent => Key::RoleAdminAgent,
            SalesAgent => Key::RoleSalesAgent,
            HelpdeskAgent => Key::RoleHelpdeskAgent,
        },
    )
}

/// A customer role's name.
pub fn customer_role(lang: Lang, role: crate::domain::relationship::CustomerRole) -> &'static str {
    use crate::domain::relationship::CustomerRole::*;
    text(
        lang,
        match role {
            GlobalAdmin => Key::RoleGlobalAdmin,
            BillingAdmin => Key::RoleBillingAdmin,
            User => Key::RoleUser,
        },
    )
}

/// A cloud's name.
pub fn cloud(lang: Lang, cloud: crate::domain::cloud::Cloud) -> &'static str {
    use crate::domain::cloud::Cloud::*;
    text(
        lang,
        match cloud {
            Public => Key::CloudPublic,
            UsGovernment => Key::CloudUsGov,
            Germany => Key::CloudGermany,
        },
    )
}

/// A field problem's message.
pub fn problem(lang: Lang, p: crate::domain::validate::FieldProblem) -> String {
    use crate::domain::validate::FieldProblem::*;
    match p {
        Required => text(lang, Key::FieldRequired).to_string(),
        TooLong(n) => format(lang, Key::FieldTooLong, &[&n.to_string()]),
        NotAnEmail => text(lang, Key::FieldNotEmail).to_string(),
        NotADomain => text(lang, Key::FieldNotDomain).to_string(),
        NotAPhone => text(lang, Key::FieldNotPhone).to_string(),
        UnknownCountry => text(lang, Key::FieldUnknownCountry).to_string(),
        NotASeatCount => text(lang, Key::FieldNotSeats).to_string(),
    }
}

/// A country's name in `lang` (the domain's table), else its code as given.
pub fn country(lang: Lang, code: &str) -> String {
    crate::domain::country::name(code, lang == Lang::PtBr)
        .map_or_else(|| code.to_string(), str::to_string)
}

/// A country with its CSP market ("Germany (Europe)"), or alone where the
/// market is the country ("Brazil", not "Brazil (Brazil)").
pub fn place(lang: Lang, code: &str) -> String {
    let (name, market) = (
        country(lang, code),
        market(lang, crate::domain::country::market_of(code)),
    );
    if name == market {
        name
    } else {
        format!("{name} ({market})")
    }
}

/// A CSP market's name in `lang`; "no market" for `None`.
pub fn market(lang: Lang, m: Option<crate::domain::country::Market>) -> &'static str {
    match (lang, m) {
        (Lang::En, Some(m)) => m.name(),
        (Lang::PtBr, Some(m)) => m.name_pt(),
        (_, None) => text(lang, Key::NoMarket),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The portal's `index.html` paints the page's frame before the wasm
    /// runs, in both languages: its words are this table's.
    #[test]
    fn the_first_paint_says_what_the_app_says() {
        let html = include_str!("../index.html");
        for lang in [Lang::En, Lang::PtBr] {
            for key in [
                Key::AppName,
                Key::HomeTitle,
                Key::HomeIntro,
                Key::PortalLoading,
                Key::PortalTitle,
                Key::PortalIntro,
                Key::SigningIn,
            ] {
                let words = text(lang, key);
                assert!(
                    html.contains(words),
                    "index.html lacks {lang:?} {key:?}: {words}"
                );
            }
        }
    }

    #[test]
    fn both_languages_fill_every_key_and_keep_placeholders() {
        for &(name, key) in ALL_KEYS {
            let (en, pt) = (text(Lang::En, key), text(Lang::PtBr, key));
            assert!(!en.is_empty() && !pt.is_empty(), "{name}");
            for i in 0..4 {
                let p = format!("{{{i}}}");
                assert_eq!(en.contains(&p), pt.contains(&p), "{name} placeholder {p}");
            }
        }
        for what in Counted::ALL {
            for lang in Lang::ALL {
                let [zero, one, other] = counted(lang, what);
                assert!(one.contains("{0}") && other.contains("{0}"), "{what:?}");
                assert!(!zero.contains("{0}"), "zero is written out: {what:?}");
            }
        }
    }
}
