/// The one version of the program: `--version`, report.json, SARIF and the manifest.
public enum DossierVersion {
    public static let number = "1.0.0"
    public static var generator: String { "dossier \(number)" }
}
