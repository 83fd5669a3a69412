//! Every UI string, in English and Brazilian Portuguese. One table: a key
//! missing a language does not compile. Placeholders are `{0}`, `{1}`...

pub use crate::domain::email::Lang;

macro_rules! strings {
    ($($key:ident => $en:literal, $pt:literal;)*) => {
        /// A UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Key { $($key,)* }

        impl Key {
            /// Every key (for tests).
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }

        /// The string for `key` in `lang`.
        pub fn text(lang: Lang, key: Key) -> &'static str {
            match lang {
                Lang::En => match key { $(Key::$key => $en,)* },
                Lang::PtBr => match key { $(Key::$key => $pt,)* },
            }
        }
    };
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
    AppName => "Reseller invitations", "Convites de revenda";
    SkipToContent => "Skip to main content", "Ir para o conteúdo principal";
    PartnerWorkspace => "Partner workspace", "Área do parceiro";
    CustomerPortal => "Customer portal", "Portal do cliente";
    Workspace => "Workspace", "Área";
    Language => "Language", "Idioma";
    MainNavigation => "Main navigation", "Navegação principal";
    Loading => "Loading…", "Carregando…";
    Retry => "Try again", "Tentar novamente";
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
    HomeTitle => "Reseller relationships, end to end", "Relações de revenda, do início ao fim";
    HomeIntro => "Partners invite customers into a reseller relationship and draft the email; customers accept in their cloud's portal.", "Parceiros convidam clientes para uma relação de revenda e preparam o email; clientes aceitam no portal da sua nuvem.";
    HomePartner => "For Cloud Solution Provider partners: request reseller relationships, draft invitation emails and manage customers.", "Para parceiros Provedores de Soluções na Nuvem: solicite relações de revenda, prepare emails de convite e gerencie clientes.";
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
    CustomersCount => "{0} customers", "{0} clientes";
    RequestRelationship => "Request a reseller relationship", "Solicitar uma relação de revenda";
    CannotInvite => "Your role ({0}) cannot request reseller relationships. Ask an Admin agent or a Sales agent.", "Sua função ({0}) não pode solicitar relações de revenda. Peça a um agente administrador ou de vendas.";
    OptionsTitle => "Request a reseller relationship", "Solicitar uma relação de revenda";
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
    DraftTitle => "Review the draft email message", "Revise o rascunho da mensagem de email";
    DraftIntro => "Edit the text as you like; the personalised link must stay in it, unchanged. Your changes are saved as you type.", "Edite o texto como quiser; o link personalizado precisa continuar nele, sem alterações. Suas alterações são salvas enquanto você digita.";
    To => "To", "Para";
    Subject => "Subject", "Assunto";
    Body => "Message", "Mensagem";
    PersonalisedLink => "Personalised link", "Link personalizado";
    LinkMissing => "The message no longer holds the personalised link unchanged. The customer needs it to accept: put it back before handing the email over.", "A mensagem não contém mais o link personalizado sem alterações. O cliente precisa dele para aceitar: coloque-o de volta antes de enviar o email.";
    PutLinkBack => "Put the link back", "Colocar o link de volta";
    LinkRestored => "The link is back in the message.", "O link voltou para a mensagem.";
    OpenInMail => "Open in email app", "Abrir no app de email";
    CopyToClipboard => "Copy to clipboard", "Copiar para a área de transferência";
    CopyLink => "Copy link", "Copiar link";
    Copied => "Copied to the clipboard.", "Copiado para a área de transferência.";
    CopyFallback => "Your browser did not allow copying. Select the text below and press Ctrl+C (⌘C on a Mac).", "Seu navegador não permitiu copiar. Selecione o texto abaixo e pressione Ctrl+C (⌘C no Mac).";
    TextToCopy => "Text to copy", "Texto para copiar";
    MailtoTooLong => "This email is {0} characters long as a link; some email apps cut links over {1}. Use Copy to clipboard instead.", "Este email tem {0} caracteres como link; alguns apps de email cortam links com mais de {1}. Use Copiar para a área de transferência.";
    Done => "Done", "Concluir";
    DraftSaved => "Draft saved", "Rascunho salvo";
    DraftSaving => "Saving…", "Salvando…";
    DraftSaveFailed => "Not saved to the server yet (kept in this browser); it will be saved again as you type.", "Ainda não salvo no servidor (guardado neste navegador); será salvo novamente enquanto você digita.";
    InvitationReady => "Invitation ready for {0}. It stays pending until the customer accepts.", "Convite pronto para {0}. Ele fica pendente até o cliente aceitar.";
    InvitationReadyAnon => "Invitation ready. It stays pending until the customer accepts.", "Convite pronto. Ele fica pendente até o cliente aceitar.";
    InvitationsTitle => "Invitations", "Convites";
    NoInvitations => "No invitations yet. Request a reseller relationship to invite your first customer.", "Nenhum convite ainda. Solicite uma relação de revenda para convidar seu primeiro cliente.";
    ColCreated => "Created", "Criado";
    ColCustomer => "Customer", "Cliente";
    ColLanguage => "Email language", "Idioma do email";
    ColAdmin => "Admin privileges", "Privilégios de admin";
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
    RelReseller => "Reseller", "Revenda";
    RelDelegated => "Reseller with delegated admin", "Revenda com administração delegada";
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
    ShowingCount => "{0} of {1} customers", "{0} de {1} clientes";
    NoCustomers => "No customers yet. Request a reseller relationship to invite one.", "Nenhum cliente ainda. Solicite uma relação de revenda para convidar um.";
    NoMatches => "No customer matches this search or filter.", "Nenhum cliente corresponde a esta pesquisa ou filtro.";
    ExpandRecord => "Show details of {0}", "Mostrar detalhes de {0}";
    TabAccount => "Account", "Conta";
    TabServices => "Services", "Serviços";
    TabUsers => "Users and licenses", "Usuários e licenças";
    TabPortals => "Admin portals", "Portais de administração";
    NextSteps => "Next steps", "Próximos passos";
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
    AssignSupport => "Assign a support contact", "Atribuir um contato de suporte";
    Assign => "Assign", "Atribuir";
    Remove => "Remove", "Remover";
    SupportAssigned => "Support contact assigned.", "Contato de suporte atribuído.";
    NoneYet => "None yet", "Nenhum ainda";
    Users => "Users", "Usuários";
    Licenses => "Licenses", "Licenças";
    AvailableSeats => "{0}: {1} of {2} seats assigned", "{0}: {1} de {2} licenças atribuídas";
    AssignLicense => "Assign {0} to {1}", "Atribuir {0} a {1}";
    RemoveLicense => "Remove {0} from {1}", "Remover {0} de {1}";
    NoFreeSeat => "no free seat", "sem licença livre";
    LicensesUpdated => "Licenses updated.", "Licenças atualizadas.";
    PortalsNeedDap => "Admin portals are available only while delegated admin privileges are active.", "Os portais de administração ficam disponíveis apenas enquanto os privilégios de administração delegada estiverem ativos.";
    OpenPortal => "Open {0} for {1}", "Abrir {0} para {1}";
    RequestDapAgain => "Request admin privileges again", "Solicitar privilégios de admin novamente";
    RemoveRelationship => "Remove the relationship", "Remover a relação";
    RemoveBlocked => "The relationship cannot be removed while these subscriptions are active: {0}. Suspend them first.", "A relação não pode ser removida enquanto estas assinaturas estiverem ativas: {0}. Suspenda-as primeiro.";
    RemoveConfirm => "Remove the reseller relationship with {0}? You will no longer sell to or manage this customer.", "Remover a relação de revenda com {0}? Você não venderá mais para este cliente nem o gerenciará.";
    RelationshipRemoved => "Relationship with {0} removed.", "Relação com {0} removida.";
    ManagerOnly => "Only Admin agents can change services, users and relationships.", "Apenas agentes administradores podem alterar serviços, usuários e relações.";
    PortalLoading => "Opening your invitation…", "Abrindo seu convite…";
    InvitationFrom => "{0} invites you to a reseller relationship", "{0} convida você para uma relação de revenda";
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
    CheckRegion => "Country or region", "País ou região";
    CheckTenant => "Organization", "Organização";
    CheckPassed => "Passed", "Aprovada";
    CheckFailed => "Not met", "Não atendida";
    RoleOkDap => "You are a Global administrator, as an invitation with admin privileges requires.", "Você é administrador global, como exige um convite com privilégios de admin.";
    RoleOk => "You are a {0}: Global and Billing administrators can accept.", "Você é {0}: administradores globais e de cobrança podem aceitar.";
    RoleBadDap => "You are a {0}. This invitation asks for admin privileges, so only a Global administrator can accept it. Ask one to open the link.", "Você é {0}. Este convite solicita privilégios de admin, então apenas um administrador global pode aceitá-lo. Peça a um que abra o link.";
    RoleBad => "You are a {0}. Only a Global or Billing administrator can accept. Ask one to open the link.", "Você é {0}. Apenas administradores globais ou de cobrança podem aceitar. Peça a um deles que abra o link.";
    CloudOk => "Your organization and the partner are both in {0}.", "Sua organização e o parceiro estão ambos na {0}.";
    CloudBad => "The partner operates in {0}, but your organization is in {1}. Only customers in the same cloud can accept.", "O parceiro opera na {0}, mas sua organização está na {1}. Apenas clientes na mesma nuvem podem aceitar.";
    RegionOk => "Your organization's country, {0}, is within the partner's country or region ({1}).", "O país da sua organização, {0}, está no país ou região do parceiro ({1}).";
    RegionBad => "The partner sells in {0} ({1}), but your organization is in {2} ({3}). A partner can only invite customers from its own country or region.", "O parceiro vende em {0} ({1}), mas sua organização está em {2} ({3}). Um parceiro só pode convidar clientes do próprio país ou região.";
    TenantOk => "{0} is a different organization from the partner.", "{0} é uma organização diferente do parceiro.";
    TenantBad => "You are signed in to the partner's own organization. The partner cannot accept its own invitation.", "Você entrou na própria organização do parceiro. O parceiro não pode aceitar o próprio convite.";
    ChecksFailedNote => "You cannot accept this invitation as {0}. Sign in as someone else, or ask the partner for a new invitation.", "Você não pode aceitar este convite como {0}. Entre com outro usuário ou peça um novo convite ao parceiro.";
    YouGrant => "What you grant", "O que você concede";
    GrantReseller => "A reseller relationship: {0} can sell you Microsoft cloud services and bill you for them, and supports them.", "Uma relação de revenda: a {0} pode vender serviços de nuvem da Microsoft, cobrá-los e dar suporte a eles.";
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
    DoneCreated => "Your organization {0} now has a reseller relationship with {1}.", "Sua organização {0} agora tem uma relação de revenda com a {1}.";
    DoneDap => "{0} also has delegated admin privileges in your organization.", "A {0} também tem privilégios de administração delegada na sua organização.";
    DoneRestored => "{0} was already your reseller; its delegated admin privileges are restored.", "A {0} já era sua revenda; os privilégios de administração delegada foram restaurados.";
    DoneExisting => "{0} was already your reseller; nothing else changed.", "A {0} já era sua revenda; nada mais mudou.";
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
    RemoveAdminConfirm => "Remove {0}'s admin permissions? {0} stays your reseller and stays responsible for support, but its agents can no longer administer your organization.", "Remover as permissões de admin da {0}? A {0} continua sua revenda e responsável pelo suporte, mas seus agentes não poderão mais administrar sua organização.";
    AdminRemoved => "Admin permissions of {0} removed. {0} stays your reseller.", "Permissões de admin da {0} removidas. A {0} continua sua revenda.";
    CustomerSignInFirst => "Sign in to see your organization's partners.", "Entre para ver os parceiros da sua organização.";
    SignInCustomer => "Sign in to the customer portal", "Entrar no portal do cliente";
    McaYes => "Microsoft Customer Agreement accepted", "Contrato de Cliente da Microsoft aceito";
    McaNo => "Microsoft Customer Agreement not accepted yet", "Contrato de Cliente da Microsoft ainda não aceito";
    Notifications => "Notifications", "Notificações";
    Dismiss => "Dismiss", "Dispensar";
    ConfirmTitle => "Please confirm", "Confirme";
    NewCustomerArrived => "{0} accepted your invitation.", "A {0} aceitou seu convite.";
    Details => "Details", "Detalhes";
    DescLink => "Link", "Link";
    Rows => "Customers, one per row", "Clientes, um por linha";
}

/// A whole number with the language's digit grouping (50,000 / 50.000).
pub fn number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::En => ',',
        Lang::PtBr => '.',
    };
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
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
    }
}

/// A region's name.
pub fn region(lang: Lang, r: crate::domain::country::Region) -> &'static str {
    use crate::domain::country::Region::*;
    match (lang, r) {
        (Lang::En, _) => r.name(),
        (Lang::PtBr, Europe) => "Europa",
        (Lang::PtBr, NorthAmerica) => "América do Norte",
        (Lang::PtBr, LatinAmerica) => "América Latina e Caribe",
        (Lang::PtBr, AsiaPacific) => "Ásia-Pacífico",
        (Lang::PtBr, MiddleEastAfrica) => "Oriente Médio e África",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_fill_every_key_and_keep_placeholders() {
        for &key in Key::ALL {
            let (en, pt) = (text(Lang::En, key), text(Lang::PtBr, key));
            assert!(!en.is_empty() && !pt.is_empty(), "{key:?}");
            for i in 0..4 {
                let p = format!("{{{i}}}");
                assert_eq!(en.contains(&p), pt.contains(&p), "{key:?} placeholder {p}");
            }
        }
        assert_eq!(
            format(Lang::PtBr, Key::CustomersCount, &["3"]),
            "3 clientes"
        );
        assert_eq!(number(Lang::En, 50_000), "50,000");
        assert_eq!(number(Lang::PtBr, 1_234_567), "1.234.567");
        assert_eq!(number(Lang::En, 999), "999");
    }
}
