/// The one version of the program: `--version`, report.json, SARIF and the manifest.
package enum DossierVersion {
    package static let number = "1.0.0"
    package static var generator: String { "dossier \(number)" }
}
