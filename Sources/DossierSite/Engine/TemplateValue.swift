import Mustache

// The values templates read. Every page context is a `TemplateObject` that
// answers the names its templates use with a `switch` (PageContexts.swift); the
// engine asks for a name and gets a value whose kind it knows without a
// dynamic cast (`TemplateValue`).

/// What a name stands for in a template: shown as text, tested, entered, or repeated.
enum TemplateValue {
    case text(String)
    case bool(Bool)
    /// A context (`TemplateObject`), kept in the box it was returned in.
    case object(any TemplateRepresentable)
    case list(any TemplateList)
}

/// A value that can be given to a template.
protocol TemplateRepresentable {
    /// Text, a boolean or a list; `nil` for a context, which the engine enters by `value(named:)`.
    var scalarValue: TemplateValue? { get }
    /// A context's value for `name`; `nil` means "not mine": the engine then looks the
    /// name up in the enclosing contexts, as Mustache does.
    func value(named name: String) -> (any TemplateRepresentable)?
}

extension TemplateRepresentable {
    func value(named name: String) -> (any TemplateRepresentable)? { nil }
}

/// A context: answers the names a template looks up in it.
protocol TemplateObject: TemplateRepresentable {}

extension TemplateObject {
    var scalarValue: TemplateValue? { nil }
}

/// The value of `representable`, without copying a context out of its box.
@inline(__always)
func templateValue(_ representable: any TemplateRepresentable) -> TemplateValue {
    representable.scalarValue ?? .object(representable)
}

/// A list a section repeats over.
protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> any TemplateRepresentable
}

extension String: TemplateRepresentable {
    var scalarValue: TemplateValue? { .text(self) }
}

extension Bool: TemplateRepresentable {
    var scalarValue: TemplateValue? { .bool(self) }
}

extension Int: TemplateRepresentable {
    var scalarValue: TemplateValue? { .text(String(self)) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var scalarValue: TemplateValue? { .list(self) }
}

extension Array: TemplateList where Element: TemplateRepresentable {
    func element(at index: Int) -> any TemplateRepresentable { self[index] }
}

/// `value`, or `false` when it is absent: a value that belongs to the context but
/// may be missing. A missing name (`nil`) would make the engine search the enclosing
/// contexts, so `{{#field}}` inside a gap could find another object's `field`.
@inline(__always)
func optional(_ value: (any TemplateRepresentable)?) -> any TemplateRepresentable {
    value ?? false
}

// MARK: For swift-mustache

// Templates that use more than the compiled engine knows (transforms such as
// `{{count(gaps)}}`, list positions, inheritance, set delimiters) are rendered by
// swift-mustache; these wrappers show it the same values.

extension TemplateValue {
    /// The value as swift-mustache reads it.
    var mustache: Any {
        switch self {
        case let .text(text): text
        case let .bool(bool): bool
        // A map of `x-` values stays a dictionary, for the map transforms (`count`, `sorted`, `enumerated`).
        case let .object(object as ExtensionMap): object.values.mapValues { templateValue($0).mustache }
        case let .object(object as ExtensionContext): (object.dictionary ?? [:]).mapValues { templateValue($0).mustache }
        case let .object(object): MustacheObject(object: object)
        case let .list(list): (0..<list.count).map { templateValue(list.element(at: $0)).mustache }
        }
    }
}

/// A context seen by swift-mustache.
struct MustacheObject: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let object: any TemplateRepresentable

    func child(named name: String) -> Any? { object.value(named: name).map { templateValue($0).mustache } }

    /// An object shown as a variable is empty text, in both engines.
    var renderText: String { "" }
    var isNull: Bool { false }
    var description: String { "" }
}
