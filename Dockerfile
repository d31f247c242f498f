# The hub as a container, for docker-compose.yml. Built from source so that no local JDK is needed.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY mvnw .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY routes routes
COPY schemas schemas
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17.0.15_6-jre
RUN useradd --system --home /hub hub && mkdir -p /hub/data /hub/connectors && chown -R hub /hub
WORKDIR /hub
COPY --from=build /src/target/verbeterhub.jar /hub/verbeterhub.jar
USER hub
EXPOSE 8080
# The parallel collector: a throughput job, its live set above G1's marking threshold (docs/decisions.md 32).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-jar", "/hub/verbeterhub.jar"]
