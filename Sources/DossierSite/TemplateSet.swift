import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender
import Foundation
import Mustache

/// The templates, stylesheet and page texts a site is built from: the
/// defaults built into the program, with any file of `--templates DIR`
/// replacing the default of the same relative path.
public struct TemplateSet: Sendable {
    /// Every file by relative path (`agent.mustache`, `partials/head.mustache`, `style.css`, `intro/index.md`).
    package let files: [String: String]
    /// Files that came from the override folder, with their digest (for the manifest).
    package let overrides: [FileDigest]
    private let library: MustacheLibrary

    /// The built-in defaults.
    package static func defaults() throws -> TemplateSet {
        let (set, diagnostics) = build(files: DefaultTemplates.files, overrides: [], origin: [:])
        guard let set else { throw TemplateError(diagnostics: diagnostics) }
        return set
    }

    package struct TemplateError: Error, Sendable {
        package let diagnostics: [Diagnostic]
    }

    /// The defaults with the files of `folder` replacing them. A missing or
    /// unreadable folder is an I/O error; templates that do not parse are
    /// returned as diagnostics (and no set).
    package static func load(overriding folder: URL?) throws(InputOutputError) -> (TemplateSet?, [Diagnostic]) {
        var files = DefaultTemplates.files
        var overrides: [FileDigest] = []
        var origin: [String: String] = [:]
        if let folder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputOutputError(path: folder.path, reason: "no such templates folder")
            }
            let paths = try FolderWalker().entries(under: folder).filter(\.isFileLike).map(\.path)
            for path in paths where path.hasSuffix(".mustache") || path.hasSuffix(".css") || path.hasSuffix(".md") {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                    throw InputOutputError(path: folder.appendingPathComponent(path).path, reason: "cannot read the file")
                }
                let display = folder.appendingPathComponent(path).path
                guard let text = String(data: data, encoding: .utf8) else {
                    return (nil, [Diagnostic(at: SourceLocation(file: display), "invalid UTF-8 (files must be UTF-8 text)")])
                }
                files[path] = text
                origin[path] = display
                overrides.append(FileDigest(path: "templates/\(path)", sha256: Digest.sha256(Array(data)), bytes: data.count))
            }
        }
        return build(files: files, overrides: overrides, origin: origin)
    }

    private static func build(files: [String: String], overrides: [FileDigest], origin: [String: String]) -> (TemplateSet?, [Diagnostic]) {
        _ = HTMLEscaping.registered
        var templates: [String: MustacheTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, text) in files where path.hasSuffix(".mustache") {
            do {
                templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                let file = origin[path] ?? "templates/\(path)"
                diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber),
                                              "template does not parse: \(error.error)"))
            } catch {
                diagnostics.append(Diagnostic(at: SourceLocation(file: origin[path] ?? "templates/\(path)"), "template does not parse: \(error)"))
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics.sorted { $0.location < $1.location }) }
        return (TemplateSet(files: files, overrides: overrides, library: MustacheLibrary(templates: templates)), [])
    }

    private init(files: [String: String], overrides: [FileDigest], library: MustacheLibrary) {
        self.files = files
        self.overrides = overrides
        self.library = library
    }

    /// Renders the template `name` (without `.mustache`) with `context` (a page context of `PageContexts.swift`).
    func render(_ name: String, _ context: some MustacheParent) throws(MissingTemplate) -> String {
        guard let text = library.render(context, withTemplate: name) else { throw MissingTemplate(name: name) }
        return text
    }

    package struct MissingTemplate: Error, Sendable, CustomStringConvertible {
        package let name: String
        package var description: String { "templates/\(name).mustache: no such template" }
    }

    /// A non-template file (stylesheet, Markdown text), or "" if there is none.
    package func text(_ path: String) -> String { files[path] ?? "" }
}
