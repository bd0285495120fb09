package org.kora;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The import rules of ARCHITECTURE.md, held by the build. */
@AnalyzeClasses(packages = "org.kora", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersDependOnlyDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("entry").definedBy("org.kora")
            .layer("app").definedBy("org.kora.app..")
            .layer("cli").definedBy("org.kora.cli..")
            .layer("ui").definedBy("org.kora.ui..")
            .layer("report").definedBy("org.kora.report..")
            .layer("io").definedBy("org.kora.io..")
            .layer("service").definedBy("org.kora.service..")
            .layer("planning").definedBy("org.kora.planning..")
            .layer("store").definedBy("org.kora.store..")
            .layer("domain").definedBy("org.kora.domain..")
            .whereLayer("app").mayOnlyBeAccessedByLayers("entry")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("io").mayOnlyBeAccessedByLayers("app", "cli", "ui")
            .whereLayer("report").mayOnlyBeAccessedByLayers("app", "cli", "ui")
            .whereLayer("service").mayOnlyBeAccessedByLayers("app", "cli", "ui", "io")
            .whereLayer("planning").mayOnlyBeAccessedByLayers("app", "cli", "ui", "io", "service")
            .whereLayer("store").mayOnlyBeAccessedByLayers("app", "service")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainAndPlanningArePureJava = noClasses()
            .that().resideInAnyPackage("org.kora.domain..", "org.kora.planning..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                    "org.jdbi..", "org.h2..", "org.flywaydb..", "java.nio.file..", "java.io..");

    @ArchTest
    static final ArchRule viewModelsAreFreeOfSceneClasses = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..");

    @ArchTest
    static final ArchRule onlyAppConstructsComponents = noClasses()
            .that().resideOutsideOfPackage("org.kora.app..")
            .should().callConstructorWhere(DescribedPredicate.describe("a service, view model or controller",
                    (JavaConstructorCall call) -> {
                        var name = call.getTargetOwner().getSimpleName();
                        return name.endsWith("Service") || name.endsWith("ViewModel") || name.endsWith("Controller");
                    }));

    @ArchTest
    static final ArchRule onlyAppOpensTheStore = noClasses()
            .that().resideOutsideOfPackages("org.kora.app..", "org.kora.store..")
            .should().callMethodWhere(DescribedPredicate.describe("Store.open or Store.create",
                    (JavaMethodCall call) -> call.getTargetOwner().getName().equals("org.kora.store.Store")
                            && (call.getName().equals("open") || call.getName().equals("create"))));

    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses()
            .that().resideOutsideOfPackage("org.kora.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace");

    @ArchTest
    static final ArchRule loggingGoesThroughSlf4j = noClasses()
            .that().doNotHaveFullyQualifiedName("org.kora.app.LogConfigurator")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                    "ch.qos.logback..");
}
