import DossierSupport
import DossierModel
import DossierAudit

/// The keys of an agent file, their types and meaning: the one definition that
/// the loader reads agent files by (`AgentReader`) and that `dossier schema`
/// turns into a JSON Schema for editors (`AgentSchema`).
package enum AgentFields {
    /// How a value is read (INPUT.md "Types"); the loader's reader for each kind is in `AgentReader`.
    package enum Kind: Sendable, Equatable {
        /// A string; in YAML any plain scalar is read as its text.
        case text
        /// A string that must not be empty or only white space.
        case requiredText
        /// `true` or `false`.
        case flag
        /// A whole number >= 0.
        case count
        /// A number >= 0, compared as an exact decimal.
        case amount
        /// A calendar date `YYYY-MM-DD`; `""` means no date.
        case date
        /// A calendar date `YYYY-MM-DD` that must be given as one (`""` is an error).
        case requiredDate
        /// A list of strings.
        case textList
        /// A list of repository paths or http(s) URLs (attestation evidence).
        case evidenceList
        /// A map of metric name → finite number.
        case metrics
        /// One of the risk levels.
        case level
        /// `true`, `false` or `n/a` (a checklist attestation).
        case done
        /// A map with the fixed keys of another table.
        case map
        /// The checklist: attestations by item id.
        case checklist
        /// The attestations of the articles and obligations, by key (`art-9` … `art-15`, catalog ids).
        case attestations
        /// One of the roles (`provider`, `deployer`, `provider-and-deployer`).
        case role
        /// A list of Annex III areas.
        case areas
    }

    /// One key of a map with fixed keys; `binding` is where the loader stores its value.
    package struct Field<Root>: Sendable {
        package let key: String
        package let kind: Kind
        package let required: Bool
        /// What the key means, for people (shown by editors).
        package let about: String
        nonisolated(unsafe) let binding: PartialKeyPath<Root>?

        init(_ key: String, _ kind: Kind, required: Bool = false, _ about: String, _ binding: PartialKeyPath<Root>? = nil) {
            self.key = key
            self.kind = kind
            self.required = required
            self.about = about
            self.binding = binding
        }
    }

    package static let top: [Field<AgentRecord>] = [
        Field("id", .text, "The agent id; must equal the file name without its extension."),
        Field("name", .requiredText, required: true, "The agent's display name."),
        Field("version", .text, "The agent's version."),
        Field("owner", .text, "Who answers for the agent (an email address or a team)."),
        Field("description", .text, "What the agent does, in Markdown."),
        Field("allowed_tools", .textList, "The tools the agent may call; [] or absent means no list."),
        Field("risk", .map, required: true, "The risk profile: level, capabilities, limits and approval rules."),
        Field("compliance", .map, "The EU AI Act record, Articles 9 to 15."),
        Field("attestations", .attestations,
              "Who vouches for each article's record (art-9 to art-15) and each AI Act obligation (art-4, art-5, art-6-3, art-17, art-26, art-27, art-49, art-50, art-72, art-73): by, date, evidence and note."),
        Field("classification", .map,
              "The AI Act classification: role, Annex III areas, Annex I, the Art. 6(3) exemption, profiling and the Art. 50 triggers. It turns obligation tracking on."),
        Field("checklist", .checklist, "Attestations of the deployment checklist, by item id."),
    ]

    package static let risk: [Field<RiskProfile>] = [
        Field("level", .level, required: true, "The risk level: low, medium, high or critical."),
        Field("can_write_data", .flag, "Whether the agent can write or change data.", \RiskProfile.canWriteData),
        Field("can_send_external_messages", .flag, "Whether the agent can send messages outside the organization.",
              \RiskProfile.canSendExternalMessages),
        Field("can_execute_code", .flag, "Whether the agent can execute code.", \RiskProfile.canExecuteCode),
        Field("can_make_financial_transactions", .flag, "Whether the agent can move money.",
              \RiskProfile.canMakeFinancialTransactions),
        Field("max_transaction_amount", .amount, "The largest transaction amount allowed (0 allows none).",
              \RiskProfile.maxTransactionAmount),
        Field("requires_human_approval", .flag, "Whether a person approves the agent's consequential actions.",
              \RiskProfile.requiresHumanApproval),
        Field("approval_threshold", .text, "Which actions need a person's approval.", \RiskProfile.approvalThreshold),
    ]

    package static let compliance: [Field<ComplianceRecord>] = [
        Field("risk_assessment_completed", .flag, "Art. 9: a risk assessment was completed.",
              \ComplianceRecord.riskAssessmentCompleted),
        Field("risk_assessment_date", .date, "Art. 9: when the risk assessment was completed (YYYY-MM-DD).",
              \ComplianceRecord.riskAssessmentDate),
        Field("residual_risks_documented", .flag, "Art. 9: the residual risks are documented.",
              \ComplianceRecord.residualRisksDocumented),
        Field("training_data_documented", .flag, "Art. 10: the training data is documented.",
              \ComplianceRecord.trainingDataDocumented),
        Field("data_quality_measures", .flag, "Art. 10: data quality measures are in place.",
              \ComplianceRecord.dataQualityMeasures),
        Field("bias_testing_completed", .flag, "Art. 10: bias testing was completed.", \ComplianceRecord.biasTestingCompleted),
        Field("system_description", .text, "Art. 11: the technical description of the system.",
              \ComplianceRecord.systemDescription),
        Field("intended_purpose", .text, "Art. 11: the intended purpose.", \ComplianceRecord.intendedPurpose),
        Field("performance_metrics", .metrics, "Art. 11: performance metrics, name → number.",
              \ComplianceRecord.performanceMetrics),
        Field("audit_logs_enabled", .flag, "Art. 12: audit logging is enabled.", \ComplianceRecord.auditLogsEnabled),
        Field("log_retention_days", .count, "Art. 12: how many days audit logs are kept.", \ComplianceRecord.logRetentionDays),
        Field("users_informed_of_ai", .flag, "Art. 13: users are told they deal with an AI system.",
              \ComplianceRecord.usersInformedOfAI),
        Field("ai_disclosure_text", .text, "Art. 13: the text that tells them.", \ComplianceRecord.aiDisclosureText),
        Field("human_oversight_measures", .textList, "Art. 14: the human oversight measures.",
              \ComplianceRecord.humanOversightMeasures),
        Field("override_capability", .flag, "Art. 14: a person can override or stop the agent.",
              \ComplianceRecord.overrideCapability),
        Field("accuracy_metrics", .metrics, "Art. 15: accuracy metrics, name → number.", \ComplianceRecord.accuracyMetrics),
        Field("adversarial_testing", .flag, "Art. 15: adversarial testing was done.", \ComplianceRecord.adversarialTesting),
    ]

    package static let checklistEntry: [Field<ChecklistAttestation>] = [
        Field("done", .done, required: true, "true, false, or n/a where the item does not apply."),
        Field("evidence", .text, "A path in the repository or a URL that shows it.", \ChecklistAttestation.evidence),
        Field("note", .text, "A note for reviewers.", \ChecklistAttestation.note),
        Field("by", .requiredText, "Who confirmed the item (a person or team).", \ChecklistAttestation.by),
        Field("date", .requiredDate, "When the item was confirmed (YYYY-MM-DD).", \ChecklistAttestation.date),
    ]

    /// `classification:` (OBLIGATIONS.md; read by `AgentReader.readClassification`).
    package static let classification: [Field<Classification>] = [
        Field("role", .role, "provider, deployer or provider-and-deployer; default: dossier.yaml's role."),
        Field("annex_iii", .areas, "The Annex III areas the intended purpose falls in."),
        Field("annex_i", .flag, "The system is, or is a safety component of, a product under Annex I Section A that needs a third-party conformity assessment (Art. 6(1)).", \Classification.annexI),
        Field("art_6_3_exemption", .flag, "The provider documented that this Annex III system poses no significant risk (Art. 6(3)-(4)).", \Classification.art63Exemption),
        Field("profiling", .flag, "The system profiles natural persons (an Annex III system that does is always high-risk).", \Classification.profiling),
        Field("interacts_with_people", .flag, "Art. 50(1): the system interacts directly with people.", \Classification.interactsWithPeople),
        Field("generates_synthetic_content", .flag, "Art. 50(2): the system generates synthetic audio, image, video or text.", \Classification.generatesSyntheticContent),
        Field("emotion_recognition", .flag, "Art. 50(3): emotion recognition or biometric categorisation.", \Classification.emotionRecognition),
        Field("deep_fake", .flag, "Art. 50(4): the system generates or manipulates deep fakes, or text published to inform the public.", \Classification.deepFake),
    ]

    /// One attestation of `attestations:` (read by `RecordReader.attestations`).
    package static let attestation: [Field<Attestation>] = [
        Field("by", .requiredText, required: true, "Who attests the record (a person or team)."),
        Field("date", .requiredDate, required: true, "When the attestation was made (YYYY-MM-DD)."),
        Field("evidence", .evidenceList, "The proof: repository paths or http(s) URLs."),
        Field("note", .text, "A note for reviewers."),
    ]
}
